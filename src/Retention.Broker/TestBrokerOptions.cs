namespace Retention.Broker;

/// <summary>Settings for <see cref="TestBroker"/>. Every queue gets the same settings.</summary>
public sealed class TestBrokerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Queues that exist from the start. Attaching to any other entity fails with <c>amqp:not-found</c>.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];

    /// <summary>How long a peek-lock delivery stays locked (Service Bus default: 30 seconds).</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Abandons and lock expiries (Service Bus's delivery count) after which a message is dead-lettered with
    /// <c>MaxDeliveryCountExceeded</c> (Service Bus default: 10).
    /// </summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>
    /// Messages whose MessageId was accepted less than this long ago are dropped (acknowledged but not enqueued).
    /// <c>null</c> (the default) turns duplicate detection off, as on a Service Bus queue created without it.
    /// </summary>
    public TimeSpan? DuplicateDetectionWindow { get; init; }

    /// <summary>Largest message (or batch) the broker announces on attach, in bytes (Standard tier: 256 KiB).</summary>
    public ulong MaxMessageSizeBytes { get; init; } = 256 * 1024;

    /// <summary>Clock for enqueue times, locks, schedules and the duplicate window.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How often the broker looks for expired locks and due scheduled messages.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMilliseconds(20);
}
