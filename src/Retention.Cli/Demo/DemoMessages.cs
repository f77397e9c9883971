using System.Globalization;
using Retention.Application.Messages;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Cli.Demo;

/// <summary>
/// A handful of messages for demo customers, one of each type, in each language that has templates, so that the
/// local inbox shows what customers receive. (Until the reward and reminder rules exist, nothing decides these.)
/// </summary>
internal static class DemoMessages
{
    public static IReadOnlyList<OutgoingMessage> For(DemoStore.DemoStoreData data, DateTimeOffset now)
    {
        var currency = CurrencyCode.Parse(data.Purchases.Count > 0 ? data.Purchases[0].Currency : "USD");
        var byLanguage = data.Purchases
            .Where(p => p.MarketingConsent && !p.Test)
            .GroupBy(p => p.Locale[..2])
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.CustomerId).Select(c => c.ToList()).ToList(), StringComparer.Ordinal);
        var messages = new List<OutgoingMessage>();
        var types = MessageType.All;
        var t = 0;
        foreach (var language in new[] { "en", "hi", "fa", "gu", "bn" })
        {
            if (!byLanguage.TryGetValue(language, out var customers))
            {
                continue;
            }
            // Two messages per language, different customers so the frequency cap does not hide any.
            for (var i = 0; i < 2 && i < customers.Count; i++, t++)
            {
                var orders = customers[i];
                var last = orders[^1];
                messages.Add(new OutgoingMessage(Message(types[t % types.Count], last, orders.Count, currency, now)));
            }
        }
        return messages;
    }

    private static RetentionMessage Message(MessageType type, DemoStore.DemoPurchase last, int orderCount, CurrencyCode currency, DateTimeOffset now)
    {
        var items = last.Items.Select(i => new MessageItem(i.Name, i.Quantity, i.Sku)).ToArray();
        var code = "DEMO-" + Convert.ToHexString(BitConverter.GetBytes(last.OrderId.GetHashCode(StringComparison.Ordinal)))[..6];
        var data = new MessageData
        {
            OrderId = OrderId.Parse(last.OrderId),
            Items = [.. items],
            Coupon = type == MessageType.MilestoneReward
                ? new CouponOffer(code, null, new Money(10m, currency), new Money(50m, currency), now.AddDays(30))
                : new CouponOffer(code, 15m, null, null, now.AddDays(14)),
            Points = Math.Max(1, (long)last.Total),
            PointsBalance = 40 + (long)last.Total * orderCount,
            Tier = "Gold",
            PreviousTier = "Silver",
            OrderCount = Math.Max(5, orderCount),
            LastPurchaseAt = last.PurchasedAt,
            DueAt = now.AddDays(5),
        };
        return new RetentionMessage(
            string.Create(CultureInfo.InvariantCulture, $"demo:{type.Name}:{last.CustomerId}:{now:yyyy-MM-dd}"),
            type, CustomerId.Parse(last.CustomerId), null, now, data);
    }
}
