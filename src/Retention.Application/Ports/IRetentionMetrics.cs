namespace Retention.Application.Ports;

/// <summary>
/// Business metrics that dashboards and alerts watch (Application Insights on Azure). Calls never fail and never block:
/// a metric is not worth a failed purchase or email. Counts are numbers of items; durations are wall-clock time.
/// </summary>
public interface IRetentionMetrics
{
    /// <summary>Purchases newly stored by one ingest call (replays, conflicts and unavailable ones excluded).</summary>
    void PurchasesRecorded(int count);

    /// <summary>One dispatcher run's emails handed to the provider and messages dead-lettered by the run itself.</summary>
    void MessagesDispatched(int sent, int deadLettered);

    /// <summary>One finished nightly run: from start to the stored snapshot and report email.</summary>
    void NightlyCompleted(TimeSpan duration, int customers);
}
