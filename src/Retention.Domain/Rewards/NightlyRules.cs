using System.Collections.Immutable;
using System.Globalization;
using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Domain.Rewards;

/// <summary>
/// The programmes that act on the passing of time, evaluated by the nightly job for each customer as of the end of a
/// store day: win-back, replenishment, coupon expiring, points expiring and feedback request. Pure; every message id
/// is deterministic, so evaluating the same night twice (or the next night) decides nothing new.
/// </summary>
public static class NightlyRules
{
    /// <param name="asOf">The end of the store day the job runs for.</param>
    /// <param name="decided">This customer's earlier decisions: message id → when it was decided (for the second win-back touch).</param>
    /// <param name="categoryGapDays">The median reorder gap of a category, in days, or null when unknown.</param>
    /// <param name="probabilityAlive">The customer's probability alive from the fitted model, or null when there is no model.</param>
    public static ImmutableArray<Decision> Evaluate(
        CustomerSummary summary,
        LoyaltyAccount account,
        DateTimeOffset asOf,
        RewardSettings settings,
        IReadOnlyDictionary<string, DateTimeOffset> decided,
        Func<string, double?> categoryGapDays,
        double? probabilityAlive = null)
    {
        var decisions = ImmutableArray.CreateBuilder<Decision>();
        var customer = summary.CustomerId;
        var counted = summary.CountedOrders.Where(o => o.PurchasedAt <= asOf).ToList();
        if (counted.Count > 0)
        {
            var last = counted[^1].PurchasedAt;
            var gaps = Gaps(counted);
            WinBack(decisions, customer, account, last, Lapsed(last, gaps, asOf, settings.WinBack, probabilityAlive), asOf, settings, decided);
            Replenishment(decisions, customer, account, last, gaps, asOf, settings, categoryGapDays);
            Feedback(decisions, customer, account, last, asOf, settings);
            PointsExpiring(decisions, summary, asOf, settings);
        }
        if (settings.CouponExpiring is { Enabled: true } expiring)
        {
            foreach (var coupon in account.Coupons.Where(c => c.IsUsableAt(asOf) && asOf >= c.ExpiresAt.AddDays(-expiring.WarningDays)))
            {
                decisions.Add(IngestRules.Decide(MessageType.CouponExpiring, $"coupon-expiring:{customer}:{coupon.Source}", customer, asOf,
                    new MessageData { Coupon = coupon.Offer }));
            }
        }
        return decisions.ToImmutable();
    }

    /// <summary>The customer's gaps between consecutive counted purchases, in days (fractional).</summary>
    public static ImmutableArray<double> Gaps(IReadOnlyList<OrderFact> counted) =>
        [.. counted.Zip(counted.Skip(1), (a, b) => (b.PurchasedAt - a.PurchasedAt).TotalDays)];

    /// <summary>The median of the values (mean of the middle two for an even count); null for none.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>When the customer counts as lapsed: the last purchase plus max(k × median gap, default days).</summary>
    public static DateTimeOffset LapseStart(DateTimeOffset lastPurchase, IReadOnlyCollection<double> gaps, WinBackRule rule) =>
        lastPurchase.AddDays(Math.Max(rule.GapMultiplier * (Median(gaps) ?? 0), rule.DefaultDays));

    /// <summary>
    /// Whether a customer whose last counted purchase was at <paramref name="last"/> is lapsed: by the model when it
    /// gives a probability alive, else by the gap rule; never after <see cref="WinBackRule.MaxDaysSinceLastPurchase"/>.
    /// </summary>
    public static bool Lapsed(DateTimeOffset last, IReadOnlyCollection<double> gaps, DateTimeOffset asOf, WinBackRule rule, double? probabilityAlive) =>
        rule.Enabled && asOf <= last.AddDays(rule.MaxDaysSinceLastPurchase)
        && (probabilityAlive is { } alive
            ? alive < rule.ProbabilityAliveThreshold && asOf >= last.AddDays(rule.MinimumDaysWithModel)
            : asOf >= LapseStart(last, gaps, rule));

    private static void WinBack(
        ImmutableArray<Decision>.Builder decisions, CustomerId customer, LoyaltyAccount account, DateTimeOffset last, bool lapsed,
        DateTimeOffset asOf, RewardSettings settings, IReadOnlyDictionary<string, DateTimeOffset> decided)
    {
        if (settings.WinBack is not { Enabled: true } rule || !lapsed)
        {
            return;
        }
        var lapse = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first = $"win-back:{customer}:{lapse}";
        var data = new MessageData { LastPurchaseAt = last, Items = account.LastOrderItems.Take(3).ToImmutableArray() };
        if (!decided.TryGetValue(first, out var firstAt))
        {
            decisions.Add(IngestRules.Decide(MessageType.WinBack, first, customer, asOf, data with { Coupon = WinBackCoupon(account, "win-back:" + lapse) }));
        }
        else if (rule.SecondTouchDays > 0 && asOf >= firstAt.AddDays(rule.SecondTouchDays))
        {
            decisions.Add(IngestRules.Decide(MessageType.WinBack, first + ":2", customer, asOf, data with { Coupon = WinBackCoupon(account, "win-back:" + lapse) }));
        }
    }

    /// <summary>The coupon the application issued for this lapse, if the rule gives one (issued by <see cref="IssueWinBackCoupon"/>).</summary>
    private static CouponOffer? WinBackCoupon(LoyaltyAccount account, string source) => account.CouponFrom(source)?.Offer;

    /// <summary>
    /// Adds the win-back coupon for the lapse that starts after <paramref name="lastPurchase"/> to the account, when
    /// the rule gives one and it is not there yet. The nightly job calls this before <see cref="Evaluate"/> for
    /// customers it will win back, so that the message carries the coupon.
    /// </summary>
    public static LoyaltyAccount IssueWinBackCoupon(LoyaltyAccount account, DateTimeOffset lastPurchase, DateTimeOffset asOf, RewardSettings settings, Func<string, string> codeFor)
    {
        var rule = settings.WinBack;
        var source = "win-back:" + lastPurchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!rule.Enabled || rule.PercentOff <= 0 || account.CouponFrom(source) is not null)
        {
            return account;
        }
        var coupon = new Coupon(codeFor(source), source, rule.PercentOff, null, null, asOf, asOf.AddDays(rule.ValidDays + Math.Max(rule.SecondTouchDays, 0)));
        return account with { Coupons = account.Coupons.Add(coupon) };
    }

    /// <summary>Whether the customer is lapsed as of <paramref name="asOf"/> (the nightly job issues the coupon first).</summary>
    public static bool IsLapsed(CustomerSummary summary, DateTimeOffset asOf, WinBackRule rule, double? probabilityAlive = null)
    {
        var counted = summary.CountedOrders.Where(o => o.PurchasedAt <= asOf).ToList();
        if (!rule.Enabled || counted.Count == 0)
        {
            return false;
        }
        var last = counted[^1].PurchasedAt;
        return Lapsed(last, Gaps(counted), asOf, rule, probabilityAlive);
    }

    private static void Replenishment(
        ImmutableArray<Decision>.Builder decisions, CustomerId customer, LoyaltyAccount account, DateTimeOffset last, ImmutableArray<double> gaps,
        DateTimeOffset asOf, RewardSettings settings, Func<string, double?> categoryGapDays)
    {
        if (settings.Replenishment is not { Enabled: true } rule || account.LastOrderItems.Length == 0)
        {
            return;
        }
        // Gaps under a day (two orders on one day) say nothing about a reorder rhythm: use the category's instead.
        var gap = Median(gaps) is { } own && own >= 1 ? own : account.LastOrderCategories.Select(categoryGapDays).OfType<double>().Cast<double?>().Min();
        if (gap is not { } days || days < 1)
        {
            return;
        }
        var due = last.AddDays(days);
        // A window, not an instant, so that a missed night still nudges; the id keeps it to one message.
        if (asOf >= due.AddDays(-rule.LeadDays) && asOf <= due.AddDays(rule.LeadDays))
        {
            decisions.Add(IngestRules.Decide(MessageType.Replenishment, $"replenishment:{customer}:{last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                customer, asOf, new MessageData { Items = account.LastOrderItems.Take(3).ToImmutableArray(), DueAt = due }));
        }
    }

    private static void Feedback(
        ImmutableArray<Decision>.Builder decisions, CustomerId customer, LoyaltyAccount account, DateTimeOffset last, DateTimeOffset asOf, RewardSettings settings)
    {
        if (settings.Feedback is not { Enabled: true } rule || account.LastOrderId is not { } orderId || account.LastOrderAt != last)
        {
            return;
        }
        var due = last.AddDays(rule.DelayDays);
        if (asOf >= due && asOf < due.AddDays(rule.CatchUpDays + 1))
        {
            decisions.Add(IngestRules.Decide(MessageType.FeedbackRequest, $"feedback-request:{customer}:{orderId}", customer, asOf,
                new MessageData { OrderId = orderId, Items = account.LastOrderItems.Take(3).ToImmutableArray() }));
        }
    }

    private static void PointsExpiring(ImmutableArray<Decision>.Builder decisions, CustomerSummary summary, DateTimeOffset asOf, RewardSettings settings)
    {
        if (settings.Points is not { Enabled: true } rule)
        {
            return;
        }
        var balance = PointsLedger.Balance(summary, asOf, rule, settings.Currency);
        if (balance is { Points: > 0, ExpiresAt: { } expires } && asOf >= expires.AddDays(-rule.WarningDays))
        {
            decisions.Add(IngestRules.Decide(MessageType.PointsExpiring,
                $"points-expiring:{summary.CustomerId}:{expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", summary.CustomerId, asOf,
                new MessageData { PointsBalance = balance.Points, PointsExpireAt = expires }));
        }
    }
}
