using System.Collections.Immutable;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>What a customer can use at checkout now.</summary>
/// <param name="Points">The balance, or null when the points programme is off.</param>
/// <param name="Tier">The current tier (null below the first or when tiers are off).</param>
/// <param name="RollingSpend">Net spend over the rolling 12 months, in the store currency.</param>
/// <param name="NextTier">The next tier up and what is left to spend for it, or null at the top or when tiers are off.</param>
/// <param name="Coupons">Active coupons that have not expired, soonest expiry first.</param>
public sealed record Benefits(
    CustomerId CustomerId,
    PointsBalance? Points,
    Tier? Tier,
    decimal RollingSpend,
    (Tier Tier, decimal Remaining)? NextTier,
    ImmutableArray<Coupon> Coupons,
    string? ReferralCode,
    string Currency)
{
    /// <summary>The points ledger (earned per order, expiries), oldest first; empty when the points programme is off.</summary>
    public ImmutableArray<PointsEntry> PointsHistory { get; init; } = [];
}
