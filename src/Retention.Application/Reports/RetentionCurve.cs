namespace Retention.Application.Reports;

/// <summary>A cohort's retention by month offset, in percent; only complete months.</summary>
public sealed record RetentionCurve(string Label, IReadOnlyList<double> Percent);
