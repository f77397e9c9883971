namespace Retention.Broker.Tests;

/// <summary>
/// A clock the test moves by hand. Only "now" is manual: timers (the broker's sweeper) still tick in real time, so
/// the broker notices a jump on its next sweep.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
