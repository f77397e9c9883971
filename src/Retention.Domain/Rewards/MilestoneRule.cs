namespace Retention.Domain.Rewards;

/// <summary>At the <see cref="OrderCount"/>th counted order: a flat amount off above a minimum spend (100 off 1000).</summary>
public sealed record MilestoneRule(bool Enabled = false, int OrderCount = 5, decimal AmountOff = 100m, decimal MinimumSpend = 1000m, int ValidDays = 30);
