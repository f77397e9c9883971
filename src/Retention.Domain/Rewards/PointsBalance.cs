namespace Retention.Domain.Rewards;

/// <summary>A points balance and the instant it expires unless the customer buys before (null when the balance is 0).</summary>
public sealed record PointsBalance(long Points, DateTimeOffset? ExpiresAt);
