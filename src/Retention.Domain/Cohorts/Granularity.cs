namespace Retention.Domain.Cohorts;

/// <summary>How long a cohort period is.</summary>
public enum Granularity
{
    /// <summary>Calendar months in the store's zone; labels like <c>2011-01</c>.</summary>
    Month,

    /// <summary>ISO 8601 weeks (Monday to Sunday) in the store's zone; labels like <c>2011-W03</c>.</summary>
    Week,
}
