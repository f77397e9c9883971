using System.Collections.Immutable;
using Retention.Domain.Metrics;
using Retention.Domain.Models;
using Retention.Domain.Rewards;

namespace Retention.Domain.Cohorts;

/// <summary>Everything the nightly job computes as of the end of one store day.</summary>
/// <param name="TimeZone">The IANA id of the store zone the days were counted in.</param>
/// <param name="Currency">The store currency that revenue figures are in.</param>
public sealed record RetentionSnapshot(DateOnly AsOf, string TimeZone, string Currency, CohortTable Monthly, CohortTable Weekly, StoreMetrics Metrics)
{
    /// <summary>
    /// Per programme, its uplift against the holdout as of the end of <see cref="AsOf"/> (<see cref="ProgrammeUplift"/>),
    /// ordered by programme name; empty when no programme has made a decision or the snapshot predates programmes.
    /// </summary>
    public ImmutableArray<ProgrammeResult> Programmes { get; init; } = [];

    /// <summary>
    /// The customer-base models as of <see cref="AsOf"/>: a fit with store-level predictions and the at-risk list, or why
    /// there is none; null when the nightly job did not run them (or the snapshot predates them).
    /// </summary>
    public CustomerModelSummary? Models { get; init; }
}
