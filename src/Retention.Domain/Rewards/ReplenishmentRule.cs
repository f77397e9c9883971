namespace Retention.Domain.Rewards;

/// <summary>
/// A nudge <see cref="LeadDays"/> before the expected next order: the last purchase plus the customer's median gap
/// (with at least one gap), else the median gap of the category of their last order.
/// </summary>
public sealed record ReplenishmentRule(bool Enabled = false, int LeadDays = 3);
