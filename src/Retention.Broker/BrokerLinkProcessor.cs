using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace Retention.Broker;

/// <summary>
/// Routes every attach: $cbs, {queue}/$management, reply links, queue senders and receivers, and receivers and
/// $management on the dead-letter sub-queue {queue}/$deadletterqueue.
/// </summary>
internal sealed class BrokerLinkProcessor(BrokerState state) : ILinkProcessor
{
    private const string ManagementSuffix = "/$management";
    private readonly ManagementOperations _management = new(state);

    public void Process(AttachContext attachContext)
    {
        var attach = attachContext.Attach;

        // Without a max-message-size the client computes a limit of -1 bytes and refuses every send.
        attach.MaxMessageSize = state.Options.MaxMessageSizeBytes;

        var clientReceives = attach.Role;
        var address = Normalize(clientReceives ? (attach.Source as Source)?.Address : (attach.Target as Target)?.Address);
        var isRequestResponse = address == "$cbs" || address.EndsWith(ManagementSuffix, StringComparison.OrdinalIgnoreCase);

        if (clientReceives && isRequestResponse)
        {
            var replyTo = (attach.Target as Target)?.Address ?? string.Empty;
            state.AddReplyLink(replyTo, attachContext.Link);
            attachContext.Complete(new ReplyEndpoint(state, replyTo), 0);
            return;
        }

        if (address == "$cbs")
        {
            attachContext.Complete(new RequestEndpoint(state, ManagementOperations.PutToken), 100);
            return;
        }

        var queueName = isRequestResponse ? address[..^ManagementSuffix.Length] : address;
        if (state.FindQueue(queueName) is not { } queue)
        {
            attachContext.Complete(new Error(ErrorCode.NotFound) { Description = $"The messaging entity '{queueName}' could not be found." });
            return;
        }

        if (queue.IsDeadLetterQueue && !clientReceives && !isRequestResponse)
        {
            attachContext.Complete(new Error(ErrorCode.NotAllowed) { Description = $"'{queueName}' is a dead-letter sub-queue and cannot be sent to." });
            return;
        }

        if (isRequestResponse)
        {
            attachContext.Complete(new RequestEndpoint(state, request => _management.Handle(queue, request)), 100);
        }
        else if (clientReceives)
        {
            var consumer = new ConsumerEndpoint(state, queue, attachContext.Link);
            state.AddConsumer(consumer);
            attachContext.Complete(consumer, 0);
        }
        else
        {
            attachContext.Complete(new QueueTargetEndpoint(state, queue), 100);
        }
    }

    /// <summary>
    /// The client addresses a queue as "/queue", its management node as "queue/$management", the dead-letter sub-queue
    /// as "/queue/$DeadLetterQueue" and its management node as "queue/$DeadLetterQueue/$management" (entity names are
    /// matched case-insensitively, as on Service Bus).
    /// </summary>
    private static string Normalize(string? address) => (address ?? string.Empty).TrimStart('/');
}
