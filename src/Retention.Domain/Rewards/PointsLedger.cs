using System.Collections.Immutable;
using Retention.Domain.Customers;

namespace Retention.Domain.Rewards;

/// <summary>
/// The points ledger, computed from the customer's orders rather than stored, so it cannot drift: each order in the
/// store currency earns floor(net total × rate) points (0 once fully refunded or cancelled: a partial refund reverses
/// its share); the whole balance expires when <see cref="PointsRule.ExpiryMonths"/> pass without a counted purchase.
/// </summary>
public static class PointsLedger
{
    /// <summary>The points one order earns now (after its refunds).</summary>
    public static long For(OrderFact order, PointsRule rule, Amounts.CurrencyCode currency) =>
        order.Counted && order.NetTotal.Currency == currency ? (long)Math.Floor(order.NetTotal.Amount * rule.PointsPerCurrencyUnit) : 0;

    /// <summary>The balance at <paramref name="asOf"/> and when it expires (null with no balance).</summary>
    public static PointsBalance Balance(CustomerSummary summary, DateTimeOffset asOf, PointsRule rule, Amounts.CurrencyCode currency)
    {
        long balance = 0;
        DateTimeOffset? last = null;
        foreach (var order in summary.CountedOrders.Where(o => o.PurchasedAt <= asOf))
        {
            if (last is { } previous && order.PurchasedAt >= previous.AddMonths(rule.ExpiryMonths))
            {
                balance = 0;
            }
            balance += For(order, rule, currency);
            last = order.PurchasedAt;
        }
        if (last is not { } lastPurchase || balance == 0)
        {
            return new PointsBalance(0, null);
        }
        var expiresAt = lastPurchase.AddMonths(rule.ExpiryMonths);
        return asOf >= expiresAt ? new PointsBalance(0, null) : new PointsBalance(balance, expiresAt);
    }

    /// <summary>
    /// The ledger up to <paramref name="asOf"/>, oldest first: what each counted order earns now (after refunds; orders
    /// that earn nothing are left out) and each expiry of the whole balance. Its sum is <see cref="Balance"/>.
    /// </summary>
    public static ImmutableArray<PointsEntry> History(CustomerSummary summary, DateTimeOffset asOf, PointsRule rule, Amounts.CurrencyCode currency)
    {
        var entries = ImmutableArray.CreateBuilder<PointsEntry>();
        long balance = 0;
        DateTimeOffset? last = null;
        foreach (var order in summary.CountedOrders.Where(o => o.PurchasedAt <= asOf))
        {
            if (last is { } previous && order.PurchasedAt >= previous.AddMonths(rule.ExpiryMonths) && balance > 0)
            {
                entries.Add(new PointsEntry(previous.AddMonths(rule.ExpiryMonths), -balance, "expired"));
                balance = 0;
            }
            var points = For(order, rule, currency);
            if (points > 0)
            {
                entries.Add(new PointsEntry(order.PurchasedAt, points, "earned"));
                balance += points;
            }
            last = order.PurchasedAt;
        }
        if (last is { } lastPurchase && balance > 0 && asOf >= lastPurchase.AddMonths(rule.ExpiryMonths))
        {
            entries.Add(new PointsEntry(lastPurchase.AddMonths(rule.ExpiryMonths), -balance, "expired"));
        }
        return entries.ToImmutable();
    }

    /// <summary>The tier at <paramref name="asOf"/>: by net spend in the store currency over (asOf − 12 months, asOf]; null below the first.</summary>
    public static Tier? TierAt(CustomerSummary summary, DateTimeOffset asOf, TierRule rule, Amounts.CurrencyCode currency)
    {
        var spend = RollingSpend(summary, asOf, currency);
        return rule.Tiers.LastOrDefault(t => spend >= t.Spend);
    }

    public static decimal RollingSpend(CustomerSummary summary, DateTimeOffset asOf, Amounts.CurrencyCode currency) =>
        summary.CountedOrders
            .Where(o => o.PurchasedAt > asOf.AddMonths(-12) && o.PurchasedAt <= asOf && o.NetTotal.Currency == currency)
            .Sum(o => o.NetTotal.Amount);

    public static int Rank(TierRule rule, string? tier) => tier is null ? -1 : rule.Tiers.Select(t => t.Name).ToImmutableArray().IndexOf(tier);
}
