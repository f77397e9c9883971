using Retention.Application.Ports;
using Retention.Domain.Cohorts;

namespace Retention.Application.Reports;

/// <summary>
/// The snapshot for a day: the stored nightly snapshot when there is one, otherwise computed now from the summaries
/// (not stored: only the nightly job stores snapshots).
/// </summary>
public sealed class GetRetentionReport(RetentionCalculator calculator, ISnapshotStore snapshots)
{
    public DateOnly Today => calculator.Today;

    /// <param name="asOf">A store day up to today; null means yesterday.</param>
    public async Task<RetentionSnapshot> ExecuteAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var day = asOf ?? calculator.Today.AddDays(-1);
        if (day > calculator.Today)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), day, "as-of must not be after today in the store's zone.");
        }
        if (day < calculator.Today && await snapshots.FindAsync(day, cancellationToken) is { } stored)
        {
            return stored;
        }
        return (await calculator.ComputeAsync(day, cancellationToken)).Snapshot;
    }
}
