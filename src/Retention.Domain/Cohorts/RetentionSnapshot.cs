using Retention.Domain.Metrics;

namespace Retention.Domain.Cohorts;

/// <summary>Everything the nightly job computes as of the end of one store day.</summary>
/// <param name="TimeZone">The IANA id of the store zone the days were counted in.</param>
/// <param name="Currency">The store currency that revenue figures are in.</param>
public sealed record RetentionSnapshot(DateOnly AsOf, string TimeZone, string Currency, CohortTable Monthly, CohortTable Weekly, StoreMetrics Metrics);
