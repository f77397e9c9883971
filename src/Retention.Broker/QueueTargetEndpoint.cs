using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace Retention.Broker;

/// <summary>A client's sending link to a queue. Accepts single messages and Service Bus batches.</summary>
internal sealed class QueueTargetEndpoint(BrokerState state, BrokerQueue queue) : LinkEndpoint
{
    /// <summary>The message format Azure.Messaging.ServiceBus uses for a batch: each Data section is one encoded message.</summary>
    internal const uint BatchFormat = 0x80013700;

    public override void OnMessage(MessageContext messageContext)
    {
        var message = messageContext.Message;
        var entries = new List<(byte[] Encoded, Message Decoded)>();
        if (message.Format == BatchFormat)
        {
            foreach (var data in DataSections(message.BodySection))
            {
                entries.Add((data, Decode(data)));
            }
        }
        else
        {
            var buffer = message.Encode();
            entries.Add((buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray(), message));
        }

        state.Enqueue(queue, entries);
        messageContext.Complete();
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext) => dispositionContext.Complete();

    internal static Message Decode(byte[] encoded) => Message.Decode(new ByteBuffer(encoded, 0, encoded.Length, encoded.Length));

    private static IEnumerable<byte[]> DataSections(Amqp.Types.RestrictedDescribed? body)
    {
        switch (body)
        {
            case Data single:
                yield return single.Binary;
                break;
            case DataList list:
                for (var i = 0; i < list.Count; i++)
                {
                    yield return list[i].Binary;
                }

                break;
            default:
                throw new AmqpException(ErrorCode.DecodeError, "A batch must carry its messages in Data sections.");
        }
    }
}
