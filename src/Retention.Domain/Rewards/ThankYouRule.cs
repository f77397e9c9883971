namespace Retention.Domain.Rewards;

/// <summary>After the first counted purchase: thanks and a single-use coupon for the second purchase (15 % for 7 days).</summary>
public sealed record ThankYouRule(bool Enabled = false, decimal PercentOff = 15m, int ValidDays = 7, decimal MinimumSpend = 0m);
