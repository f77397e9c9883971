namespace Retention.Broker;

/// <summary>The broker's own view of one queue at one instant.</summary>
/// <param name="ActiveCount">Messages that can be received or are locked by a receiver (as Service Bus counts them).</param>
/// <param name="LockedCount">Of the active messages, those currently locked by a peek-lock receiver.</param>
/// <param name="CompletedCount">Messages settled with complete (or delivered in receive-and-delete mode).</param>
/// <param name="ScheduledCount">Messages waiting for their scheduled enqueue time.</param>
/// <param name="DuplicatesDropped">Sends dropped by duplicate detection.</param>
/// <param name="DeadLettered">
/// The dead-letter sub-queue's messages (including those locked by a dead-letter receiver), in sequence-number order.
/// A message leaves this list when it is completed from the sub-queue.
/// </param>
/// <param name="DeadLetterLockedCount">Of the dead-lettered messages, those locked by a peek-lock receiver on the sub-queue.</param>
/// <param name="DeadLetterCompletedCount">Messages completed from (or received-and-deleted from) the dead-letter sub-queue.</param>
public sealed record QueueSnapshot(
    string Name,
    int ActiveCount,
    int LockedCount,
    long CompletedCount,
    int ScheduledCount,
    long DuplicatesDropped,
    IReadOnlyList<DeadLetteredMessage> DeadLettered,
    int DeadLetterLockedCount,
    long DeadLetterCompletedCount);
