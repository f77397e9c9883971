namespace Retention.Domain.Rewards;

/// <summary>A new customer's first purchase with a referral code credits the referrer with a coupon (once per referred customer).</summary>
public sealed record ReferralRule(bool Enabled = false, decimal AmountOff = 10m, decimal MinimumSpend = 0m, int ValidDays = 30);
