using Retention.Domain.Cohorts;

namespace Retention.Application.Reports;

/// <summary>What a cohort report shows: which table, which retention, counts or percentages.</summary>
public sealed record ReportOptions(Granularity Period, RetentionMode Mode, ReportValues Values);
