using Retention.Application.Messages;

namespace Retention.Application.Ports;

/// <summary>
/// The receiving end of the queue, in peek-lock mode: a received message stays on the queue, invisible to others,
/// until it is completed, abandoned (delivered again later) or dead-lettered, or until its lock expires.
/// </summary>
public interface IMessageInbox
{
    /// <summary>Up to <paramref name="maxMessages"/> messages; an empty list when the queue has none within a short wait.</summary>
    Task<IReadOnlyList<InboxMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken);

    /// <summary>Removes the message from the queue. Throws when the lock was lost (the message will be delivered again).</summary>
    Task CompleteAsync(InboxMessage message, CancellationToken cancellationToken);

    /// <summary>Releases the message for another delivery; its delivery count goes up.</summary>
    Task AbandonAsync(InboxMessage message, CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead-letter queue with a reason code and a description.</summary>
    Task DeadLetterAsync(InboxMessage message, string reason, string description, CancellationToken cancellationToken);
}
