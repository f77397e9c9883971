using System.Collections.Immutable;

namespace Retention.Domain.Rewards;

/// <summary>Tiers by net spend over the rolling 12 months up to now; a customer is in the highest tier whose threshold they reached.</summary>
public sealed record TierRule(bool Enabled = false)
{
    public static readonly ImmutableArray<Tier> DefaultTiers = [new("Silver", 200m), new("Gold", 500m), new("Platinum", 1000m)];

    /// <summary>Thresholds strictly increasing.</summary>
    public ImmutableArray<Tier> Tiers { get; init; } = DefaultTiers;
}
