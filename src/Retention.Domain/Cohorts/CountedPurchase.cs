namespace Retention.Domain.Cohorts;

/// <summary>
/// One counted purchase as the metrics see it: when, and the net amount in the store's currency
/// (zero when the amount is in another currency: it still counts as activity, not as revenue).
/// </summary>
public readonly record struct CountedPurchase(DateTimeOffset At, decimal NetAmount);
