namespace Retention.Broker;

/// <summary>One message as the broker keeps it: the encoded AMQP message as the client sent it, plus broker state.</summary>
internal sealed class StoredMessage(long sequenceNumber, byte[] encoded, string? messageId, DateTimeOffset enqueuedTime)
{
    public long SequenceNumber { get; } = sequenceNumber;

    public byte[] Encoded { get; } = encoded;

    public string? MessageId { get; } = messageId;

    public DateTimeOffset EnqueuedTime { get; set; } = enqueuedTime;

    public DateTimeOffset? ScheduledEnqueueTime { get; set; }

    /// <summary>Deliveries so far; the client sees this number on the delivery it receives.</summary>
    public int DeliveryCount { get; set; }

    public Guid LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }
}
