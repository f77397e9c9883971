using System.Collections.Immutable;

namespace Retention.Domain.Cohorts;

/// <summary>
/// A cohort retention table as of a store day. Rows run from the first cohort to the as-of period, one per period,
/// including empty ones. The cell where a cohort reaches the as-of period is in progress unless that period has ended:
/// it is flagged, not shown as a drop, and left out of the weighted mean.
/// </summary>
public sealed record CohortTable(Granularity Granularity, DateOnly AsOf, Period Current, bool CurrentComplete, ImmutableArray<CohortRow> Rows)
{
    /// <summary>Whether the cell of <paramref name="row"/> at offset <paramref name="k"/> covers a period that has not ended.</summary>
    public bool IsInProgress(CohortRow row, int k) => !CurrentComplete && row.Cohort.Plus(k) == Current;

    public int MaxOffset => Rows.IsEmpty ? -1 : Rows[0].On.Length - 1;

    /// <summary>The count shown for a cell in a mode.</summary>
    public static int Count(CohortRow row, int k, RetentionMode mode) => mode == RetentionMode.On ? row.On[k] : row.OnOrAfter[k];

    /// <summary>
    /// The weighted mean row for offset k: the sum of counts over the sum of cohort sizes, over the cohorts whose cell k
    /// exists and is complete. Equal to the size-weighted mean of their percentages. Null when no customer is in scope.
    /// </summary>
    public double? WeightedMean(int k, RetentionMode mode)
    {
        long customers = 0, retained = 0;
        foreach (var row in Rows)
        {
            if (k < row.On.Length && !IsInProgress(row, k))
            {
                customers += row.Size;
                retained += Count(row, k, mode);
            }
        }
        return customers == 0 ? null : 100.0 * retained / customers;
    }
}
