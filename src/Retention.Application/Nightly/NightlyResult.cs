using Retention.Application.Reports;
using Retention.Domain.Cohorts;

namespace Retention.Application.Nightly;

/// <summary>What a nightly run computed and stored.</summary>
/// <param name="Customers">Customer summaries read.</param>
/// <param name="Elapsed">Time to read and compute (saving excluded).</param>
/// <param name="Email">What happened to the report email.</param>
public sealed record NightlyResult(RetentionSnapshot Snapshot, int Customers, TimeSpan Elapsed, ReportEmailStatus Email);
