using Retention.Domain.Amounts;
using Retention.Domain.Orders;

namespace Retention.Domain.Customers;

/// <summary>What the metrics need to know about one non-test order of a customer.</summary>
/// <param name="PurchasedAt">When the customer paid, with the storefront's offset.</param>
/// <param name="NetTotal">Total minus refunds; zero when cancelled.</param>
/// <param name="Counted">Whether the order counts as a purchase (not cancelled, not fully refunded).</param>
public sealed record OrderFact(OrderKey Key, DateTimeOffset PurchasedAt, Money NetTotal, bool Counted)
{
    public static OrderFact From(Order order) =>
        new(OrderKey.For(order.OrderId), order.Purchase.PurchasedAt, order.NetTotal, order.IsCounted);
}
