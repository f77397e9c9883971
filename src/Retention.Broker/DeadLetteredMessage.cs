namespace Retention.Broker;

/// <summary>
/// A message in a queue's dead-letter sub-queue, with the reason the client (or the broker) gave. It keeps the
/// sequence number it had in the queue. <see cref="DeliveryCount"/> is Service Bus's count as a peek shows it:
/// abandons and lock expiries in the queue (so 0 for a message dead-lettered on its first delivery); it does not
/// change in the sub-queue.
/// </summary>
public sealed record DeadLetteredMessage(
    long SequenceNumber,
    string? MessageId,
    string? Reason,
    string? ErrorDescription,
    int DeliveryCount);
