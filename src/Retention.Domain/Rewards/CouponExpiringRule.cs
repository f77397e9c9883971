namespace Retention.Domain.Rewards;

/// <summary>A reminder <see cref="WarningDays"/> before an unused coupon expires.</summary>
public sealed record CouponExpiringRule(bool Enabled = false, int WarningDays = 3);
