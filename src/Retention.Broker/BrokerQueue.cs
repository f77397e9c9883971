namespace Retention.Broker;

/// <summary>
/// One in-memory queue, or the dead-letter sub-queue of one. Not thread-safe on its own: <see cref="BrokerState"/>
/// guards every queue with one lock.
/// </summary>
internal sealed class BrokerQueue
{
    /// <summary>How the client addresses a queue's dead-letter sub-queue: "{queue}/$deadletterqueue".</summary>
    public const string DeadLetterSuffix = "/$deadletterqueue";

    private long _nextSequenceNumber = 1;

    public BrokerQueue(string name)
    {
        Name = name;
        DeadLetterQueue = new BrokerQueue(name + DeadLetterSuffix, parent: this);
    }

    private BrokerQueue(string name, BrokerQueue parent)
    {
        Name = name;
        Parent = parent;
    }

    public string Name { get; }

    /// <summary>The dead-letter sub-queue; <c>null</c> when this queue is itself a dead-letter sub-queue.</summary>
    public BrokerQueue? DeadLetterQueue { get; }

    /// <summary>The queue this dead-letter sub-queue belongs to; <c>null</c> for a queue.</summary>
    public BrokerQueue? Parent { get; }

    public bool IsDeadLetterQueue => Parent is not null;

    /// <summary>Receivable messages in sequence-number order.</summary>
    public SortedList<long, StoredMessage> Available { get; } = [];

    public Dictionary<Guid, StoredMessage> Locked { get; } = [];

    public SortedList<long, StoredMessage> Scheduled { get; } = [];

    /// <summary>MessageId → when it was accepted, for duplicate detection.</summary>
    public Dictionary<string, DateTimeOffset> RecentMessageIds { get; } = new(StringComparer.Ordinal);

    public List<ConsumerEndpoint> Consumers { get; } = [];

    public long Completed { get; set; }

    public long DuplicatesDropped { get; set; }

    public long NextSequenceNumber() => _nextSequenceNumber++;

    /// <summary>Available and locked messages (what Service Bus counts as active), in sequence-number order.</summary>
    public IEnumerable<StoredMessage> ActiveMessages() =>
        Available.Values.Concat(Locked.Values).OrderBy(m => m.SequenceNumber);

    public QueueSnapshot Snapshot()
    {
        var deadLetters = DeadLetterQueue ?? throw new InvalidOperationException("A dead-letter sub-queue has no snapshot of its own.");
        return new QueueSnapshot(
            Name,
            Available.Count + Locked.Count,
            Locked.Count,
            Completed,
            Scheduled.Count,
            DuplicatesDropped,
            [.. deadLetters.ActiveMessages().Select(m => new DeadLetteredMessage(
                m.SequenceNumber, m.MessageId, m.DeadLetterReason, m.DeadLetterErrorDescription, m.DeliveryCount))],
            deadLetters.Locked.Count,
            deadLetters.Completed);
    }
}
