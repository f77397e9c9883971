namespace Retention.Domain.Metrics;

/// <summary>The customer retention rate formula.</summary>
public static class RetentionRate
{
    /// <summary>
    /// CRR = (E − N) / S × 100, in percent: S customers active at the start of the period, E active at its end,
    /// N new in the period. Null when S is 0 (no one could be retained). Churn is 100 − CRR.
    /// </summary>
    public static double? Compute(int activeAtStart, int activeAtEnd, int newCustomers) =>
        activeAtStart == 0 ? null : 100.0 * (activeAtEnd - newCustomers) / activeAtStart;
}
