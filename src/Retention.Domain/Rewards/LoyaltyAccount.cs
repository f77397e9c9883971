using System.Collections.Immutable;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Domain.Rewards;

/// <summary>
/// What the reward programmes keep about one customer beyond their orders: coupons, the referral code and who referred
/// whom, the tier last announced, and the last order's items (for replenishment and feedback). Points are not kept
/// here: they are computed from the orders (<see cref="PointsLedger"/>), so refunds reverse them by construction.
/// </summary>
public sealed record LoyaltyAccount
{
    public required CustomerId CustomerId { get; init; }

    /// <summary>The code others enter to say this customer referred them; assigned at the first purchase.</summary>
    public string? ReferralCode { get; init; }

    /// <summary>Who referred this customer, once credited.</summary>
    public CustomerId? ReferredBy { get; init; }

    /// <summary>Customers whose referral credited this customer (at most one credit each).</summary>
    public ImmutableArray<CustomerId> Referred { get; init; } = [];

    public ImmutableArray<Coupon> Coupons { get; init; } = [];

    /// <summary>The tier the customer was last told about (or reached before the tier programme told anyone).</summary>
    public string? NotifiedTier { get; init; }

    public OrderId? LastOrderId { get; init; }
    public DateTimeOffset? LastOrderAt { get; init; }
    public ImmutableArray<MessageItem> LastOrderItems { get; init; } = [];

    /// <summary>The categories of the last order's lines, for the category's reorder gap.</summary>
    public ImmutableArray<string> LastOrderCategories { get; init; } = [];

    public static LoyaltyAccount Empty(CustomerId customerId) => new() { CustomerId = customerId };

    public Coupon? FindCoupon(string code) => Coupons.FirstOrDefault(c => c.HasCode(code));

    public Coupon? CouponFrom(string source) => Coupons.FirstOrDefault(c => c.Source == source);

    public LoyaltyAccount Replace(Coupon old, Coupon updated) => this with { Coupons = Coupons.Replace(old, updated) };
}
