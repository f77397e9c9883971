using Azure.Messaging.ServiceBus;
using Retention.Application.Messages;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Messaging;

/// <summary>The queue's receiving end in peek-lock mode, without prefetch (a prefetched message would hold a lock the run may never use).</summary>
internal sealed class ServiceBusMessageInbox(ServiceBusConnection connection) : IMessageInbox, IAsyncDisposable
{
    private readonly Lazy<ServiceBusReceiver> _receiver = new(() => connection.Client.CreateReceiver(
        connection.QueueName, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 }));

    public async Task<IReadOnlyList<InboxMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var received = await _receiver.Value.ReceiveMessagesAsync(maxMessages, connection.ReceiveWait, cancellationToken);
        return [.. received.Select(m => new InboxMessage(m.MessageId, m.Body.ToMemory(), m.DeliveryCount, m))];
    }

    public Task CompleteAsync(InboxMessage message, CancellationToken cancellationToken) =>
        _receiver.Value.CompleteMessageAsync(Native(message), cancellationToken);

    public Task AbandonAsync(InboxMessage message, CancellationToken cancellationToken) =>
        _receiver.Value.AbandonMessageAsync(Native(message), cancellationToken: cancellationToken);

    public Task DeadLetterAsync(InboxMessage message, string reason, string description, CancellationToken cancellationToken) =>
        _receiver.Value.DeadLetterMessageAsync(Native(message), reason, Truncate(description), cancellationToken);

    public ValueTask DisposeAsync() => MessagingFailures.CloseQuietlyAsync(_receiver);

    private static ServiceBusReceivedMessage Native(InboxMessage message) =>
        message.Handle as ServiceBusReceivedMessage ?? throw new ArgumentException("The message was not received by this inbox.", nameof(message));

    /// <summary>Service Bus limits the dead-letter description (an application property) to 4 KiB.</summary>
    private static string Truncate(string description) => description.Length <= 1024 ? description : description[..1021] + "...";
}
