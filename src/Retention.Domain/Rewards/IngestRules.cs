using System.Collections.Immutable;
using System.Globalization;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Domain.Rewards;

/// <summary>
/// The programmes that act at a purchase: coupon redemption, thank-you, milestone, points, tier and referral. Pure:
/// the caller passes the customer's summary after the purchase, their account, the time and the coupon code for a
/// coupon source (deterministic per customer and source, so computing the same decision twice gives the same code).
/// Applying the same purchase to the same account gives the same decisions (message ids are deterministic); applying
/// it to the account saved afterwards decides nothing new, so the caller publishes before it saves.
/// </summary>
public static class IngestRules
{
    public static PurchaseRewards OnPurchase(
        Purchase purchase, CustomerSummary summary, LoyaltyAccount account, Referrer? referrer, DateTimeOffset now, RewardSettings settings, Func<string, string> codeFor)
    {
        var customer = purchase.CustomerId;
        var key = OrderKey.For(purchase.OrderId);
        var counted = summary.CountedOrders.ToList();
        var index = counted.FindIndex(o => o.Key == key);
        if (purchase.IsTest || index < 0)
        {
            return new PurchaseRewards(account, [], null);
        }

        account = Redeem(account, purchase);
        if (account.LastOrderAt is not { } lastAt || purchase.PurchasedAt >= lastAt)
        {
            account = account with
            {
                LastOrderId = purchase.OrderId,
                LastOrderAt = purchase.PurchasedAt,
                LastOrderItems = [.. purchase.Lines.Take(MessageRules.MaxItems).Select(l => new MessageItem(Truncate(l.Name ?? l.Sku), l.Quantity, l.Sku))],
                LastOrderCategories = [.. purchase.Lines.Select(l => l.Category).OfType<string>().Distinct(StringComparer.Ordinal)],
            };
        }
        var decisions = ImmutableArray.CreateBuilder<Decision>();
        var recent = purchase.PurchasedAt >= now.AddDays(-settings.IngestMaxAgeDays);
        // A purchase may be stamped a little ahead of our clock (allowed skew): balances and tiers include it.
        var asOf = purchase.PurchasedAt > now ? purchase.PurchasedAt : now;
        var items = account.LastOrderId == purchase.OrderId ? account.LastOrderItems : [];

        if (settings.ThankYou is { Enabled: true } thanks && index == 0 && recent)
        {
            var (updated, coupon) = Issue(account, "thank-you", thanks.PercentOff, null, thanks.MinimumSpend, thanks.ValidDays, now, settings.Currency, codeFor);
            account = updated;
            decisions.Add(Decide(MessageType.ThankYou, $"thank-you:{customer}:{purchase.OrderId}", customer, now,
                new MessageData { OrderId = purchase.OrderId, Items = items, Coupon = coupon.Offer }));
        }

        if (settings.Milestone is { Enabled: true } milestone && index == milestone.OrderCount - 1)
        {
            var source = string.Create(CultureInfo.InvariantCulture, $"milestone:{milestone.OrderCount}");
            if (account.CouponFrom(source) is { State: CouponState.Voided } voided)
            {
                // Earned again after a refund took it back: the same coupon comes back, with no second email.
                account = account.Replace(voided, voided with { State = CouponState.Active });
            }
            else if (account.CouponFrom(source) is null && recent)
            {
                var (updated, coupon) = Issue(account, source, null, milestone.AmountOff, milestone.MinimumSpend, milestone.ValidDays, now, settings.Currency, codeFor);
                account = updated;
                decisions.Add(Decide(MessageType.MilestoneReward, $"milestone-reward:{customer}:{milestone.OrderCount}", customer, now,
                    new MessageData { OrderCount = milestone.OrderCount, Coupon = coupon.Offer }));
            }
        }

        if (settings.Points is { Enabled: true, NotifyEarned: true } points && recent)
        {
            var earned = PointsLedger.For(counted[index], points, settings.Currency);
            if (earned > 0)
            {
                var balance = PointsLedger.Balance(summary, asOf, points, settings.Currency);
                decisions.Add(Decide(MessageType.PointsEarned, $"points-earned:{customer}:{purchase.OrderId}", customer, now,
                    new MessageData
                    {
                        OrderId = purchase.OrderId,
                        Points = earned,
                        PointsBalance = balance.Points,
                        Tier = settings.Tiers.Enabled ? PointsLedger.TierAt(summary, asOf, settings.Tiers, settings.Currency)?.Name : null,
                    }));
            }
        }

        if (settings.Tiers is { Enabled: true } tiers && PointsLedger.TierAt(summary, asOf, tiers, settings.Currency) is { } tier
            && PointsLedger.Rank(tiers, tier.Name) > PointsLedger.Rank(tiers, account.NotifiedTier))
        {
            if (recent)
            {
                decisions.Add(Decide(MessageType.TierUpgrade, $"tier-upgrade:{customer}:{tier.Name}:{purchase.OrderId}", customer, now,
                    new MessageData { Tier = tier.Name, PreviousTier = account.NotifiedTier }));
            }
            account = account with { NotifiedTier = tier.Name };
        }

        CustomerId? credit = null;
        if (settings.Referral.Enabled && index == 0 && recent && account.ReferredBy is null && referrer is { } by && by.CustomerId != customer
            && (by.Email is not { } email || purchase.Email is not { } own || !string.Equals(email.Value, own.Value, StringComparison.OrdinalIgnoreCase)))
        {
            account = account with { ReferredBy = by.CustomerId };
            credit = by.CustomerId;
        }
        return new PurchaseRewards(account, decisions.ToImmutable(), credit);
    }

    /// <summary>
    /// After a refund or cancellation: coupons the order redeemed become usable again once the order no longer counts,
    /// and a milestone coupon not yet used is taken back when the customer falls below the milestone.
    /// </summary>
    public static LoyaltyAccount OnOrderChanged(OrderId orderId, CustomerSummary summary, LoyaltyAccount account, RewardSettings settings)
    {
        var counted = summary.CountedOrders.Any(o => o.Key == OrderKey.For(orderId));
        if (!counted)
        {
            foreach (var coupon in account.Coupons.Where(c => c.State == CouponState.Redeemed && c.RedeemedBy == orderId).ToList())
            {
                account = account.Replace(coupon, coupon with { State = CouponState.Active, RedeemedBy = null });
            }
        }
        if (!counted && account.LastOrderId == orderId)
        {
            // Reminders about the last order (replenishment, feedback) must not name an order that no longer counts.
            account = account with { LastOrderId = null, LastOrderAt = null, LastOrderItems = [], LastOrderCategories = [] };
        }
        var source = string.Create(CultureInfo.InvariantCulture, $"milestone:{settings.Milestone.OrderCount}");
        if (summary.CountedOrderCount < settings.Milestone.OrderCount && account.CouponFrom(source) is { State: CouponState.Active } earned)
        {
            account = account.Replace(earned, earned with { State = CouponState.Voided });
        }
        return account;
    }

    /// <summary>Credits a referrer once per referred customer: a coupon and a referral-reward message.</summary>
    public static PurchaseRewards CreditReferral(LoyaltyAccount referrer, CustomerId referred, DateTimeOffset now, RewardSettings settings, Func<string, string> codeFor)
    {
        if (referrer.Referred.Contains(referred) || !settings.Referral.Enabled)
        {
            return new PurchaseRewards(referrer, [], null);
        }
        var rule = settings.Referral;
        var (account, coupon) = Issue(referrer with { Referred = referrer.Referred.Add(referred) }, "referral:" + referred.Value, null, rule.AmountOff, rule.MinimumSpend,
            rule.ValidDays, now, settings.Currency, codeFor);
        var decision = Decide(MessageType.ReferralReward, $"referral-reward:{referrer.CustomerId}:{referred}", referrer.CustomerId, now,
            new MessageData { Coupon = coupon.Offer });
        return new PurchaseRewards(account, [decision], null);
    }

    /// <summary>
    /// Checks a code for a basket at checkout: it must be this customer's, active, not expired and the basket must
    /// meet its minimum spend. Returns null when it is valid, else the reason.
    /// </summary>
    public static string? WhyNotValid(LoyaltyAccount account, string code, Money basket, DateTimeOffset at) =>
        account.FindCoupon(code) switch
        {
            null => "unknown-code",
            { State: CouponState.Redeemed } => "already-used",
            { State: CouponState.Voided } => "withdrawn",
            var c when at > c.ExpiresAt => "expired",
            var c when (c.AmountOff ?? c.MinimumSpend) is { } money && money.Currency != basket.Currency => "wrong-currency",
            var c when !c.Fits(basket) => "below-minimum-spend",
            _ => null,
        };

    private static LoyaltyAccount Redeem(LoyaltyAccount account, Purchase purchase)
    {
        foreach (var code in purchase.DiscountCodes)
        {
            if (account.FindCoupon(code) is { } coupon && coupon.IsUsableAt(purchase.PurchasedAt))
            {
                account = account.Replace(coupon, coupon with { State = CouponState.Redeemed, RedeemedBy = purchase.OrderId });
            }
        }
        return account;
    }

    private static (LoyaltyAccount Account, Coupon Coupon) Issue(
        LoyaltyAccount account, string source, decimal? percentOff, decimal? amountOff, decimal minimumSpend, int validDays, DateTimeOffset now,
        CurrencyCode currency, Func<string, string> codeFor)
    {
        if (account.CouponFrom(source) is { } existing)
        {
            return (account, existing);
        }
        var coupon = new Coupon(codeFor(source), source, percentOff, amountOff is { } off ? new Money(off, currency) : null,
            minimumSpend > 0 ? new Money(minimumSpend, currency) : null, now, now.AddDays(validDays));
        return (account with { Coupons = account.Coupons.Add(coupon) }, coupon);
    }

    internal static Decision Decide(MessageType type, string messageId, CustomerId customer, DateTimeOffset now, MessageData data) =>
        new(new RetentionMessage(messageId.Length <= MessageRules.MaxMessageIdLength ? messageId : Shorten(messageId), type, customer, null, now, data));

    /// <summary>Ids built from long customer and order ids are shortened deterministically to fit the contract.</summary>
    private static string Shorten(string id)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
        return id[..(MessageRules.MaxMessageIdLength - 17)] + "~" + hash[..16];
    }

    private static string Truncate(string name) => name.Length <= MessageRules.MaxTextLength ? name : name[..MessageRules.MaxTextLength];
}
