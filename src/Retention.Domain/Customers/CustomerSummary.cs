using System.Collections.Immutable;
using Retention.Domain.Amounts;
using Retention.Domain.Orders;

namespace Retention.Domain.Customers;

/// <summary>
/// Everything the nightly metrics need about one customer, kept up to date at every purchase, refund and
/// cancellation so that the nightly job reads one summary per customer and never the orders.
/// <see cref="Orders"/> holds one fact per non-test order, ordered by purchase time; test orders are left out.
/// </summary>
public sealed record CustomerSummary
{
    public required CustomerId CustomerId { get; init; }
    public ImmutableArray<OrderFact> Orders { get; init; } = [];
    public CustomerContact Contact { get; init; } = CustomerContact.Unknown;

    public static CustomerSummary Empty(CustomerId customerId) => new() { CustomerId = customerId };

    /// <summary>The orders that count as purchases, oldest first.</summary>
    public IEnumerable<OrderFact> CountedOrders => Orders.Where(o => o.Counted);

    public int CountedOrderCount => Orders.Count(o => o.Counted);

    /// <summary>Time of the first counted purchase, or null when there is none.</summary>
    public DateTimeOffset? FirstPurchaseAt => CountedOrders.Select(o => (DateTimeOffset?)o.PurchasedAt).FirstOrDefault();

    /// <summary>Time of the last counted purchase, or null when there is none.</summary>
    public DateTimeOffset? LastPurchaseAt => CountedOrders.Select(o => (DateTimeOffset?)o.PurchasedAt).LastOrDefault();

    /// <summary>Net revenue of counted orders, one entry per currency the customer paid in.</summary>
    public ImmutableDictionary<CurrencyCode, Money> NetRevenue => CountedOrders
        .GroupBy(o => o.NetTotal.Currency)
        .ToImmutableDictionary(g => g.Key, g => g.Aggregate(Money.Zero(g.Key), (sum, o) => sum + o.NetTotal));

    /// <summary>
    /// The summary after <paramref name="order"/> was recorded or changed (refund, cancellation). Applying the same
    /// order state twice gives the same summary. Test orders change nothing.
    /// </summary>
    public CustomerSummary Apply(Order order)
    {
        if (order.Purchase.CustomerId != CustomerId)
        {
            throw new InvalidOperationException("An order can only be applied to its own customer's summary.");
        }
        var purchase = order.Purchase;
        if (purchase.IsTest)
        {
            return this;
        }
        var contact = Contact.Merge(purchase.Email, purchase.Locale, purchase.MarketingConsent, purchase.PurchasedAt, purchase.FirstName);
        var fact = OrderFact.From(order);
        var orders = Orders.RemoveAll(o => o.Key == fact.Key).Add(fact)
            .Sort((x, y) => x.PurchasedAt != y.PurchasedAt ? x.PurchasedAt.CompareTo(y.PurchasedAt) : x.Key.Value.CompareTo(y.Key.Value));
        return this with { Orders = orders, Contact = contact };
    }
}
