namespace Retention.Domain.Rewards;

/// <summary>A loyalty tier: reached with at least <see cref="Spend"/> (store currency) over the rolling 12 months.</summary>
public sealed record Tier(string Name, decimal Spend);
