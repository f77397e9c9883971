namespace Retention.Broker;

/// <summary>A message in a queue's dead-letter sub-queue, with the reason the client (or the broker) gave.</summary>
public sealed record DeadLetteredMessage(
    long SequenceNumber,
    string? MessageId,
    string? Reason,
    string? ErrorDescription,
    int DeliveryCount);
