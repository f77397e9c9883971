namespace Retention.Application.Messages;

/// <summary>What one dispatcher run did. <see cref="Skipped"/> counts by reason.</summary>
public sealed record DispatchSummary(
    int Received,
    int Sent,
    int AlreadySent,
    IReadOnlyDictionary<string, int> Skipped,
    int DeadLettered,
    int Abandoned,
    bool StoppedEarly)
{
    public int SkippedTotal => Skipped.Values.Sum();
}
