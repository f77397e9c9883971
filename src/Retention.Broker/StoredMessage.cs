namespace Retention.Broker;

/// <summary>One message as the broker keeps it: the encoded AMQP message as the client sent it, plus broker state.</summary>
internal sealed class StoredMessage(long sequenceNumber, byte[] encoded, string? messageId, DateTimeOffset enqueuedTime)
{
    /// <summary>Kept when the message is dead-lettered; replaced when a scheduled message becomes active.</summary>
    public long SequenceNumber { get; set; } = sequenceNumber;

    public byte[] Encoded { get; } = encoded;

    public string? MessageId { get; } = messageId;

    public DateTimeOffset EnqueuedTime { get; set; } = enqueuedTime;

    public DateTimeOffset? ScheduledEnqueueTime { get; set; }

    /// <summary>
    /// Service Bus's delivery count: abandons and lock expiries so far (not deliveries). Sent as the header's
    /// delivery-count; the client shows it plus one on a received message and as it is on a peeked one.
    /// </summary>
    public int DeliveryCount { get; set; }

    public Guid LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    /// <summary>Set when the message is dead-lettered; sent as the application property <c>DeadLetterReason</c>.</summary>
    public string? DeadLetterReason { get; set; }

    /// <summary>Set when the message is dead-lettered; sent as the application property <c>DeadLetterErrorDescription</c>.</summary>
    public string? DeadLetterErrorDescription { get; set; }
}
