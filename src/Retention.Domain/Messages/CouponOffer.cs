using Retention.Domain.Amounts;

namespace Retention.Domain.Messages;

/// <summary>A coupon a message hands to or reminds the customer of. The code is personal: never log it.</summary>
/// <param name="Code">What the customer types at checkout.</param>
/// <param name="PercentOff">Percentage off the basket, 0 &lt; x ≤ 100; exactly one of this and <paramref name="AmountOff"/> is set.</param>
/// <param name="AmountOff">A fixed amount off, in the store's currency.</param>
/// <param name="MinimumSpend">The smallest basket the coupon applies to, or null for any basket.</param>
/// <param name="ExpiresAt">The last instant the coupon can be used (inclusive).</param>
public sealed record CouponOffer(string Code, decimal? PercentOff, Money? AmountOff, Money? MinimumSpend, DateTimeOffset ExpiresAt);
