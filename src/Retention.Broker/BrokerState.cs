using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace Retention.Broker;

/// <summary>
/// All queues and the rules that move messages between available, locked, scheduled, completed and dead-lettered.
/// One lock guards every queue; AMQP sends and dispositions happen outside it, because AMQPNetLite calls back
/// into the broker while holding its own session locks.
/// </summary>
internal sealed class BrokerState(TestBrokerOptions options)
{
    internal const string LockLostCondition = "com.microsoft:message-lock-lost";
    internal const string DeadLetterCondition = "com.microsoft:dead-letter";

    /// <summary>Application properties Service Bus puts on a dead-lettered message (the client reads them back).</summary>
    internal const string DeadLetterReasonProperty = "DeadLetterReason";
    internal const string DeadLetterErrorDescriptionProperty = "DeadLetterErrorDescription";

    private static readonly Symbol SequenceNumberAnnotation = new("x-opt-sequence-number");
    private static readonly Symbol EnqueuedTimeAnnotation = new("x-opt-enqueued-time");
    private static readonly Symbol LockedUntilAnnotation = new("x-opt-locked-until");
    private static readonly Symbol ScheduledEnqueueTimeAnnotation = new("x-opt-scheduled-enqueue-time");

    /// <summary>Message state on peeked messages: int 0 = active, 1 = deferred, 2 = scheduled.</summary>
    private static readonly Symbol MessageStateAnnotation = new("x-opt-message-state");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, BrokerQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ListenerLink> _replyLinks = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Message, DeliveryInfo> _deliveries = [];

    public TestBrokerOptions Options { get; } = options;

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public void CreateQueue(string name)
    {
        lock (_gate)
        {
            _queues.TryAdd(name, new BrokerQueue(name));
        }
    }

    /// <summary>A queue by name, or its dead-letter sub-queue for "{queue}/$deadletterqueue".</summary>
    public BrokerQueue? FindQueue(string name)
    {
        var deadLetter = name.EndsWith(BrokerQueue.DeadLetterSuffix, StringComparison.OrdinalIgnoreCase);
        var queueName = deadLetter ? name[..^BrokerQueue.DeadLetterSuffix.Length] : name;
        lock (_gate)
        {
            return _queues.TryGetValue(queueName, out var queue) ? (deadLetter ? queue.DeadLetterQueue : queue) : null;
        }
    }

    public QueueSnapshot Snapshot(string name)
    {
        lock (_gate)
        {
            return _queues.TryGetValue(name, out var queue)
                ? queue.Snapshot()
                : throw new ArgumentException($"The broker has no queue named '{name}'.", nameof(name));
        }
    }

    public bool TryGetDelivery(Message message, out DeliveryInfo? info) => _deliveries.TryGetValue(message, out info);

    public void AddReplyLink(string address, ListenerLink link) => _replyLinks[address] = link;

    public void RemoveReplyLink(string address, ListenerLink link) =>
        _replyLinks.TryRemove(new KeyValuePair<string, ListenerLink>(address, link));

    public void Reply(string? replyTo, Message response)
    {
        if (replyTo is not null && _replyLinks.TryGetValue(replyTo, out var link))
        {
            link.SendMessage(response);
        }
    }

    public void AddConsumer(ConsumerEndpoint consumer)
    {
        lock (_gate)
        {
            consumer.Queue.Consumers.Add(consumer);
        }
    }

    public void RemoveConsumer(ConsumerEndpoint consumer)
    {
        lock (_gate)
        {
            consumer.Queue.Consumers.Remove(consumer);
        }
    }

    public void AddCredit(ConsumerEndpoint consumer, int delta)
    {
        lock (_gate)
        {
            consumer.Credit = Math.Max(0, consumer.Credit + delta);
        }

        Pump(consumer.Queue);
    }

    /// <summary>Enqueues (or schedules) messages; returns their sequence numbers, 0 for a dropped duplicate.</summary>
    public long[] Enqueue(BrokerQueue queue, IReadOnlyList<(byte[] Encoded, Message Decoded)> messages)
    {
        var sequenceNumbers = new long[messages.Count];
        lock (_gate)
        {
            var now = Now;
            for (var i = 0; i < messages.Count; i++)
            {
                var (encoded, decoded) = messages[i];
                var messageId = decoded.Properties?.MessageId;
                if (Options.DuplicateDetectionWindow is { } window && messageId is not null)
                {
                    if (queue.RecentMessageIds.TryGetValue(messageId, out var seenAt) && now - seenAt < window)
                    {
                        queue.DuplicatesDropped++;
                        continue;
                    }

                    queue.RecentMessageIds[messageId] = now;
                }

                var stored = new StoredMessage(queue.NextSequenceNumber(), encoded, messageId, now);
                sequenceNumbers[i] = stored.SequenceNumber;
                if (ScheduledEnqueueTime(decoded) is { } due && due > now)
                {
                    stored.ScheduledEnqueueTime = due;
                    queue.Scheduled.Add(stored.SequenceNumber, stored);
                }
                else
                {
                    queue.Available.Add(stored.SequenceNumber, stored);
                }
            }
        }

        Pump(queue);
        return sequenceNumbers;
    }

    public void CancelScheduled(BrokerQueue queue, IEnumerable<long> sequenceNumbers)
    {
        lock (_gate)
        {
            foreach (var sequenceNumber in sequenceNumbers)
            {
                queue.Scheduled.Remove(sequenceNumber);
            }
        }
    }

    /// <summary>
    /// Browses without locking: active (available or locked) and scheduled messages with a sequence number of at least
    /// <paramref name="fromSequenceNumber"/>, in sequence-number order, each encoded as the client expects a peeked message.
    /// </summary>
    public List<byte[]> Peek(BrokerQueue queue, long fromSequenceNumber, int maxCount)
    {
        lock (_gate)
        {
            return [.. queue.ActiveMessages().Select(m => (Message: m, Scheduled: false))
                .Concat(queue.Scheduled.Values.Select(m => (Message: m, Scheduled: true)))
                .Where(entry => entry.Message.SequenceNumber >= fromSequenceNumber)
                .OrderBy(entry => entry.Message.SequenceNumber)
                .Take(Math.Max(0, maxCount))
                .Select(entry => ToPeeked(entry.Message, entry.Scheduled))];
        }
    }

    /// <summary>Extends the locks; <c>null</c> when any of them is lost (expired, settled or unknown).</summary>
    public DateTimeOffset[]? RenewLocks(BrokerQueue queue, IReadOnlyList<Guid> lockTokens)
    {
        lock (_gate)
        {
            var now = Now;
            var expirations = new DateTimeOffset[lockTokens.Count];
            for (var i = 0; i < lockTokens.Count; i++)
            {
                if (!queue.Locked.TryGetValue(lockTokens[i], out var message) || message.LockedUntil <= now)
                {
                    return null;
                }

                message.LockedUntil = now + Options.LockDuration;
                expirations[i] = message.LockedUntil;
            }

            return expirations;
        }
    }

    /// <summary>Applies the receiver's outcome to a locked message and returns the outcome to settle with.</summary>
    public DeliveryState Settle(DeliveryInfo info, DeliveryState? outcome)
    {
        var queue = info.Queue;
        DeliveryState reply;
        lock (_gate)
        {
            if (!queue.Locked.TryGetValue(info.LockToken, out var message) || message.LockedUntil <= Now)
            {
                return new Rejected
                {
                    Error = new Error(new Symbol(LockLostCondition))
                    {
                        Description = "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.",
                    },
                };
            }

            queue.Locked.Remove(info.LockToken);
            switch (outcome)
            {
                case Accepted:
                    queue.Completed++;
                    reply = new Accepted();
                    break;
                case Rejected { Error: { } } when queue.IsDeadLetterQueue:
                    // Dead-lettering from the dead-letter sub-queue is not emulated: put the message back and say so.
                    queue.Available.Add(message.SequenceNumber, message);
                    return new Rejected { Error = new Error(ErrorCode.NotAllowed) { Description = "The message is already in the dead-letter sub-queue." } };
                case Rejected { Error: { } error } when string.Equals(error.Condition, DeadLetterCondition, StringComparison.Ordinal):
                    DeadLetter(queue, message, InfoString(error, DeadLetterReasonProperty), InfoString(error, DeadLetterErrorDescriptionProperty));

                    // Echoing Rejected makes the client throw (GeneralError): it treats a Rejected settlement as a failure.
                    reply = new Accepted();
                    break;
                case Modified { UndeliverableHere: true }:
                    // Defer is not emulated: put the message back and tell the client.
                    queue.Available.Add(message.SequenceNumber, message);
                    return new Rejected { Error = new Error(ErrorCode.NotImplemented) { Description = "Defer is not supported by the test broker." } };
                case Released:
                    queue.Available.Add(message.SequenceNumber, message);
                    reply = outcome;
                    break;
                default:
                    Abandon(queue, message);
                    reply = outcome ?? new Modified();
                    break;
            }
        }

        Pump(queue);
        if (queue.DeadLetterQueue is { } deadLetterQueue)
        {
            Pump(deadLetterQueue);
        }

        return reply;
    }

    /// <summary>Unlocks expired locks and enqueues due scheduled messages, then delivers.</summary>
    public void Sweep()
    {
        List<BrokerQueue> queues;
        lock (_gate)
        {
            var now = Now;
            queues = [.. _queues.Values.SelectMany(q => new[] { q, q.DeadLetterQueue! })];
            foreach (var queue in queues)
            {
                foreach (var expired in queue.Locked.Values.Where(m => m.LockedUntil <= now).ToList())
                {
                    queue.Locked.Remove(expired.LockToken);
                    Abandon(queue, expired);
                }

                // Scheduled is keyed by sequence number, not due time: a later send can be due earlier.
                var dueNow = queue.Scheduled.Values
                    .Where(m => m.ScheduledEnqueueTime <= now)
                    .OrderBy(m => m.ScheduledEnqueueTime)
                    .ThenBy(m => m.SequenceNumber)
                    .ToList();
                foreach (var due in dueNow)
                {
                    // As on Service Bus, a scheduled message is enqueued as if sent at its time: a new sequence number.
                    queue.Scheduled.Remove(due.SequenceNumber);
                    due.SequenceNumber = queue.NextSequenceNumber();
                    due.EnqueuedTime = due.ScheduledEnqueueTime!.Value;
                    queue.Available.Add(due.SequenceNumber, due);
                }

                if (Options.DuplicateDetectionWindow is { } window)
                {
                    foreach (var old in queue.RecentMessageIds.Where(p => now - p.Value >= window).Select(p => p.Key).ToList())
                    {
                        queue.RecentMessageIds.Remove(old);
                    }
                }
            }
        }

        foreach (var queue in queues)
        {
            Pump(queue);
        }
    }

    /// <summary>Sends available messages to receivers that have credit.</summary>
    public void Pump(BrokerQueue queue)
    {
        var sends = new List<(ConsumerEndpoint Consumer, Message Message, StoredMessage Stored)>();
        lock (_gate)
        {
            var now = Now;
            while (queue.Available.Count > 0 && queue.Consumers.Find(c => c.Credit > 0) is { } consumer)
            {
                var stored = queue.Available.Values[0];
                queue.Available.RemoveAt(0);
                consumer.Credit--;
                if (consumer.Link.SettleOnSend)
                {
                    // Receive-and-delete: the delivery itself completes the message.
                    queue.Completed++;
                    stored.LockToken = Guid.Empty;
                }
                else
                {
                    stored.LockToken = Guid.NewGuid();
                    stored.LockedUntil = now + Options.LockDuration;
                    queue.Locked.Add(stored.LockToken, stored);
                }

                var message = ToDelivery(stored);
                _deliveries.AddOrUpdate(message, new DeliveryInfo(queue, stored.LockToken));
                sends.Add((consumer, message, stored));
            }
        }

        foreach (var (consumer, message, stored) in sends)
        {
            try
            {
                consumer.Link.SendMessage(message);
            }
            catch (Exception ex) when (ex is AmqpException or ObjectDisposedException or InvalidOperationException)
            {
                // The receiver went away between taking credit and sending: the message was never delivered.
                lock (_gate)
                {
                    queue.Consumers.Remove(consumer);
                    if (queue.Locked.Remove(stored.LockToken))
                    {
                        queue.Available.Add(stored.SequenceNumber, stored);
                    }
                }
            }
        }
    }

    /// <summary>
    /// An explicit abandon or an expired lock: the only two things that raise Service Bus's delivery count. In the
    /// dead-letter sub-queue the count stays as it was and the message is never dead-lettered again.
    /// </summary>
    private void Abandon(BrokerQueue queue, StoredMessage message)
    {
        if (queue.IsDeadLetterQueue)
        {
            queue.Available.Add(message.SequenceNumber, message);
            return;
        }

        message.DeliveryCount++;
        if (message.DeliveryCount >= Options.MaxDeliveryCount)
        {
            DeadLetter(queue, message, "MaxDeliveryCountExceeded", $"Message could not be consumed after {Options.MaxDeliveryCount} delivery attempts.");
        }
        else
        {
            queue.Available.Add(message.SequenceNumber, message);
        }
    }

    /// <summary>Moves a message to the dead-letter sub-queue, keeping its sequence number, enqueued time and delivery count.</summary>
    private static void DeadLetter(BrokerQueue queue, StoredMessage message, string? reason, string? description)
    {
        message.DeadLetterReason = reason;
        message.DeadLetterErrorDescription = description;
        message.LockToken = Guid.Empty;
        queue.DeadLetterQueue!.Available.Add(message.SequenceNumber, message);
    }

    private static string? InfoString(Error error, string key) =>
        error.Info is { } info && info.TryGetValue(new Symbol(key), out var value) ? value as string : null;

    private static DateTimeOffset? ScheduledEnqueueTime(Message message) =>
        message.MessageAnnotations?[ScheduledEnqueueTimeAnnotation] is DateTime due
            ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))
            : null;

    /// <summary>The message for a receive link; the client adds one to the header's delivery-count.</summary>
    private static Message ToDelivery(StoredMessage stored)
    {
        var message = WithBrokerProperties(stored);
        if (stored.LockToken != Guid.Empty)
        {
            message.MessageAnnotations[LockedUntilAnnotation] = stored.LockedUntil.UtcDateTime;
        }

        return message;
    }

    /// <summary>
    /// A peeked message, encoded for a peek-message response: no lock, and a state (active or scheduled). The client
    /// shows a peeked message's delivery-count as it is, without adding one.
    /// </summary>
    private static byte[] ToPeeked(StoredMessage stored, bool scheduled)
    {
        var message = WithBrokerProperties(stored);
        message.MessageAnnotations[MessageStateAnnotation] = scheduled ? 2 : 0;
        var buffer = message.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    /// <summary>
    /// The stored message with what the broker adds: delivery count, sequence number, enqueued time, dead-letter reason.
    /// </summary>
    private static Message WithBrokerProperties(StoredMessage stored)
    {
        var message = Message.Decode(new ByteBuffer(stored.Encoded, 0, stored.Encoded.Length, stored.Encoded.Length));
        message.Header ??= new Header();
        message.Header.DeliveryCount = (uint)stored.DeliveryCount;
        message.MessageAnnotations ??= new MessageAnnotations();
        message.MessageAnnotations[SequenceNumberAnnotation] = stored.SequenceNumber;
        message.MessageAnnotations[EnqueuedTimeAnnotation] = stored.EnqueuedTime.UtcDateTime;
        if (stored.DeadLetterReason is not null || stored.DeadLetterErrorDescription is not null)
        {
            message.ApplicationProperties ??= new ApplicationProperties();
            if (stored.DeadLetterReason is not null)
            {
                message.ApplicationProperties[DeadLetterReasonProperty] = stored.DeadLetterReason;
            }

            if (stored.DeadLetterErrorDescription is not null)
            {
                message.ApplicationProperties[DeadLetterErrorDescriptionProperty] = stored.DeadLetterErrorDescription;
            }
        }

        return message;
    }
}
