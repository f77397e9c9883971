namespace Retention.Domain.Rewards;

/// <summary>
/// Points per whole currency unit of an order's net total (rounded down), reversed by refunds; the balance expires
/// after <see cref="ExpiryMonths"/> without a purchase, with a warning <see cref="WarningDays"/> before.
/// </summary>
public sealed record PointsRule(bool Enabled = false, decimal PointsPerCurrencyUnit = 1m, int ExpiryMonths = 12, int WarningDays = 14, bool NotifyEarned = true);
