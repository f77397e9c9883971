namespace Retention.Domain.Cohorts;

/// <summary>Which retention a cohort table shows.</summary>
public enum RetentionMode
{
    /// <summary>Share of the cohort that bought in period k.</summary>
    On,

    /// <summary>Share of the cohort that bought in period k or later (unbounded retention); never increases with k.</summary>
    OnOrAfter,
}
