using Retention.Domain.Amounts;
using Retention.Domain.Orders;

namespace Retention.Domain.Rewards;

/// <summary>
/// A single-use coupon of one customer. The code is unguessable and personal: never log it.
/// <see cref="Source"/> names the decision that issued it (<c>thank-you</c>, <c>milestone:5</c>, <c>referral:C-7</c>,
/// <c>win-back:2026-06-01</c>), so the same decision never issues a second coupon.
/// </summary>
/// <param name="ExpiresAt">The last instant it can be used (inclusive).</param>
public sealed record Coupon(
    string Code,
    string Source,
    decimal? PercentOff,
    Money? AmountOff,
    Money? MinimumSpend,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    CouponState State = CouponState.Active,
    OrderId? RedeemedBy = null)
{
    public bool IsUsableAt(DateTimeOffset at) => State == CouponState.Active && at <= ExpiresAt;

    public Messages.CouponOffer Offer => new(Code, PercentOff, AmountOff, MinimumSpend, ExpiresAt);

    /// <summary>Whether a basket of <paramref name="total"/> meets the minimum spend (same currency required when there is one).</summary>
    public bool Fits(Money total) => MinimumSpend is not { } minimum || (minimum.Currency == total.Currency && total.Amount >= minimum.Amount);

    /// <summary>Codes compare without regard to case: customers type them.</summary>
    public bool HasCode(string code) => string.Equals(Code, code.Trim(), StringComparison.OrdinalIgnoreCase);
}
