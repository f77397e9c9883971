using Retention.Application.Messages;

namespace Retention.Application.Ports;

/// <summary>
/// Puts messages on the queue. The queue drops a second message with the same <c>MessageId</c> within its duplicate
/// detection window, and the dispatcher's send ledger catches any that arrive later, so publishing twice is safe.
/// </summary>
public interface IMessagePublisher
{
    /// <summary>Publishes in as few batches as the queue's size limit allows; messages with a <see cref="OutgoingMessage.NotBefore"/> are scheduled.</summary>
    Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);
}
