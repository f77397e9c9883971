namespace Retention.Application.Reports;

/// <summary>Whether cohort cells show customers or percentages of the cohort.</summary>
public enum ReportValues
{
    Count,
    Percent,
}
