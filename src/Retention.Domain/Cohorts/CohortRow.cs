using System.Collections.Immutable;

namespace Retention.Domain.Cohorts;

/// <summary>
/// One cohort: the customers whose first counted purchase fell in <see cref="Cohort"/>. Arrays are indexed by
/// period offset k = 0, 1, ... up to the as-of period (inclusive); offset 0 is the cohort's own period.
/// </summary>
/// <param name="Size">Customers in the cohort; may be 0 for a period in which nobody bought for the first time.</param>
/// <param name="On">Customers with a counted purchase in period k ("on" retention). <c>On[0] == Size</c>.</param>
/// <param name="OnOrAfter">Customers with a counted purchase in period k or any later period up to the as-of date ("on or after").</param>
/// <param name="Revenue">Net revenue of the cohort's counted purchases in period k, in the store currency.</param>
public sealed record CohortRow(Period Cohort, int Size, ImmutableArray<int> On, ImmutableArray<int> OnOrAfter, ImmutableArray<decimal> Revenue)
{
    /// <summary>Percentage of the cohort, or null for an empty cohort (never a division by zero).</summary>
    public static double? Percent(int count, int size) => size == 0 ? null : 100.0 * count / size;
}
