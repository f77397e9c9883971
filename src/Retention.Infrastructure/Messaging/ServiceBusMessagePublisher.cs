using Azure.Messaging.ServiceBus;
using Retention.Application.Messages;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Messaging;

/// <summary>
/// Publishes with a <see cref="ServiceBusSender"/>: immediate messages in size-checked batches, delayed ones with
/// <c>ScheduleMessagesAsync</c>. <c>MessageId</c> is the contract's deterministic id, so the queue's duplicate
/// detection drops a second publish of the same decision.
/// </summary>
internal sealed class ServiceBusMessagePublisher(ServiceBusConnection connection) : IMessagePublisher, IAsyncDisposable
{
    private const int ScheduleChunk = 100;
    private readonly Lazy<ServiceBusSender> _sender = new(() => connection.Client.CreateSender(connection.QueueName));

    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            await PublishCoreAsync(messages, cancellationToken);
        }
        catch (Exception ex) when (MessagingFailures.IsUnavailable(ex))
        {
            throw new MessagingUnavailableException(
                $"Could not publish to the queue '{connection.QueueName}': {ex.Message} Publishing again is safe: message ids are deduplicated.", ex);
        }
    }

    private async Task PublishCoreAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var sender = _sender.Value;
        var now = messages.Where(m => m.NotBefore is null).Select(m => ToServiceBus(m)).ToList();
        var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        try
        {
            foreach (var message in now)
            {
                if (batch.TryAddMessage(message))
                {
                    continue;
                }
                if (batch.Count == 0)
                {
                    throw new InvalidOperationException($"Message {message.MessageId} is larger than the queue's maximum message size.");
                }
                await sender.SendMessagesAsync(batch, cancellationToken);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken);
                if (!batch.TryAddMessage(message))
                {
                    throw new InvalidOperationException($"Message {message.MessageId} is larger than the queue's maximum message size.");
                }
            }
            if (batch.Count > 0)
            {
                await sender.SendMessagesAsync(batch, cancellationToken);
            }
        }
        finally
        {
            batch.Dispose();
        }

        foreach (var chunk in messages.Where(m => m.NotBefore is not null).Chunk(ScheduleChunk))
        {
            foreach (var group in chunk.GroupBy(m => m.NotBefore!.Value))
            {
                await sender.ScheduleMessagesAsync([.. group.Select(ToServiceBus)], group.Key, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => MessagingFailures.CloseQuietlyAsync(_sender);

    internal static ServiceBusMessage ToServiceBus(OutgoingMessage outgoing)
    {
        var message = outgoing.Message;
        var busMessage = new ServiceBusMessage(MessageContract.Serialize(message))
        {
            MessageId = message.MessageId,
            ContentType = MessageContract.ContentType,
            Subject = message.Type.Name,
        };
        busMessage.ApplicationProperties["schemaVersion"] = Domain.Messages.RetentionMessage.SchemaVersion;
        return busMessage;
    }
}
