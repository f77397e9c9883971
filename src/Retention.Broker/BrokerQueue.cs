namespace Retention.Broker;

/// <summary>
/// One in-memory queue. Not thread-safe on its own: <see cref="BrokerState"/> guards every queue with one lock.
/// </summary>
internal sealed class BrokerQueue(string name)
{
    private long _nextSequenceNumber = 1;

    public string Name { get; } = name;

    /// <summary>Receivable messages in sequence-number order.</summary>
    public SortedList<long, StoredMessage> Available { get; } = [];

    public Dictionary<Guid, StoredMessage> Locked { get; } = [];

    public SortedList<long, StoredMessage> Scheduled { get; } = [];

    public List<DeadLetteredMessage> DeadLettered { get; } = [];

    /// <summary>MessageId → when it was accepted, for duplicate detection.</summary>
    public Dictionary<string, DateTimeOffset> RecentMessageIds { get; } = new(StringComparer.Ordinal);

    public List<ConsumerEndpoint> Consumers { get; } = [];

    public long Completed { get; set; }

    public long DuplicatesDropped { get; set; }

    public long NextSequenceNumber() => _nextSequenceNumber++;

    public QueueSnapshot Snapshot() => new(
        Name,
        Available.Count + Locked.Count,
        Locked.Count,
        Completed,
        Scheduled.Count,
        DuplicatesDropped,
        [.. DeadLettered]);
}
