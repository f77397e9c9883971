using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Customers;

public sealed class CustomerSummaryTests
{
    private static readonly CustomerId Customer = CustomerId.Parse("customer-1");

    private static Order OrderAt(string orderId, string purchasedAt, string total = "100.00", string currency = "EUR") =>
        Sample.Order(Sample.Purchase(orderId, total, currency) with { PurchasedAt = Sample.At(purchasedAt) });

    private static CustomerSummary Summary(params Order[] orders) =>
        orders.Aggregate(CustomerSummary.Empty(Customer), (summary, order) => summary.Apply(order));

    [Fact]
    public void Empty_NoOrders_NothingKnown()
    {
        var summary = CustomerSummary.Empty(Customer);

        Assert.Equal(Customer, summary.CustomerId);
        Assert.Empty(summary.Orders);
        Assert.Equal(0, summary.CountedOrderCount);
        Assert.Null(summary.FirstPurchaseAt);
        Assert.Null(summary.LastPurchaseAt);
        Assert.Empty(summary.NetRevenue);
        Assert.Equal(CustomerContact.Unknown, summary.Contact);
    }

    [Fact]
    public void Apply_FirstOrder_AddsItsFact()
    {
        var order = OrderAt("order-1", "2024-02-29T10:00:00+01:00", "49.90");

        var summary = Summary(order);

        var fact = Assert.Single(summary.Orders);
        Assert.Equal(new OrderFact(OrderKey.For(order.OrderId), Sample.At("2024-02-29T10:00:00+01:00"), Sample.Money("49.90"), true), fact);
        Assert.Equal(1, summary.CountedOrderCount);
        Assert.Equal(Sample.At("2024-02-29T09:00:00Z"), summary.FirstPurchaseAt);
        Assert.Equal(Sample.At("2024-02-29T09:00:00Z"), summary.LastPurchaseAt);
    }

    [Fact]
    public void Apply_TestOrder_ChangesNothing()
    {
        var summary = Summary(OrderAt("order-1", "2024-02-01T10:00:00Z"));
        var test = Sample.Order(Sample.Purchase("order-2") with { IsTest = true, Email = EmailAddress.Parse("qa@example.com") });

        var after = summary.Apply(test);

        Assert.Same(summary, after);
    }

    [Fact]
    public void Apply_AnotherCustomersOrder_Throws()
    {
        var order = Sample.Order(Sample.Purchase(customerId: "customer-2"));

        Assert.Throws<InvalidOperationException>(() => CustomerSummary.Empty(Customer).Apply(order));
    }

    [Fact]
    public void Apply_OrdersOutOfOrderAcrossOffsetsAndMonthEnds_SortedByInstant()
    {
        // Local dates mislead: order-a is on 31 January in New York but after order-b, on 1 February in UTC.
        var a = OrderAt("order-a", "2024-01-31T23:30:00-05:00");
        var b = OrderAt("order-b", "2024-02-01T01:00:00+00:00");
        var c = OrderAt("order-c", "2024-02-29T23:59:59+00:00");
        var d = OrderAt("order-d", "2024-03-01T00:30:00+02:00");

        var summary = Summary(c, d, a, b);

        Assert.Equal(
            [OrderKey.For(b.OrderId), OrderKey.For(a.OrderId), OrderKey.For(d.OrderId), OrderKey.For(c.OrderId)],
            summary.Orders.Select(o => o.Key).ToArray());
        Assert.Equal(Sample.At("2024-02-01T01:00:00Z"), summary.FirstPurchaseAt);
        Assert.Equal(Sample.At("2024-02-29T23:59:59Z"), summary.LastPurchaseAt);
    }

    [Fact]
    public void Apply_TwoOrdersAtTheSameInstant_SameOrderWhicheverComesFirst()
    {
        var x = OrderAt("order-x", "2024-02-29T10:00:00+01:00");
        var y = OrderAt("order-y", "2024-02-29T09:00:00Z");

        Assert.Equal(Summary(x, y).Orders.ToArray(), Summary(y, x).Orders.ToArray());
    }

    [Fact]
    public void Apply_RefundedOrder_UpdatesNetTotalInPlace()
    {
        var order = OrderAt("order-1", "2024-02-29T10:00:00+01:00", "100.00");
        var summary = Summary(order, OrderAt("order-2", "2024-03-01T10:00:00Z", "20.00"));

        var after = summary.Apply(order.Refunded("refund-1", "30.00"));

        Assert.Equal(2, after.Orders.Length);
        Assert.Equal(Sample.Money("70.00"), after.Orders[0].NetTotal);
        Assert.True(after.Orders[0].Counted);
        Assert.Equal(Sample.Money("90.00"), after.NetRevenue[CurrencyCode.Parse("EUR")]);
    }

    [Fact]
    public void Apply_FullyRefundedOrder_NotCounted()
    {
        var first = OrderAt("order-1", "2024-02-01T10:00:00Z", "100.00");
        var second = OrderAt("order-2", "2024-02-29T10:00:00Z", "50.00");
        var summary = Summary(first, second);

        var after = summary.Apply(first.Refunded("refund-1", "100.00"));

        Assert.False(after.Orders[0].Counted);
        Assert.Equal(1, after.CountedOrderCount);
        Assert.Equal(Sample.At("2024-02-29T10:00:00Z"), after.FirstPurchaseAt);
        Assert.Equal(Sample.Money("50.00"), after.NetRevenue[CurrencyCode.Parse("EUR")]);
    }

    [Fact]
    public void Apply_CancelledOrder_KeptButNotCounted()
    {
        var first = OrderAt("order-1", "2024-02-01T10:00:00Z", "100.00");
        var last = OrderAt("order-2", "2024-02-29T10:00:00Z", "50.00");
        var summary = Summary(first, last);

        var after = summary.Apply(last.Cancelled());

        Assert.Equal(2, after.Orders.Length);
        Assert.False(after.Orders[1].Counted);
        Assert.Equal(Sample.Money("0.00"), after.Orders[1].NetTotal);
        Assert.Equal(1, after.CountedOrderCount);
        Assert.Equal(Sample.At("2024-02-01T10:00:00Z"), after.LastPurchaseAt);
        Assert.Equal(Sample.Money("100.00"), after.NetRevenue[CurrencyCode.Parse("EUR")]);
    }

    [Fact]
    public void Apply_OnlyOrderCancelled_NoCountedPurchases()
    {
        var order = OrderAt("order-1", "2024-02-01T10:00:00Z");

        var summary = Summary(order, order.Cancelled());

        Assert.Single(summary.Orders);
        Assert.Equal(0, summary.CountedOrderCount);
        Assert.Null(summary.FirstPurchaseAt);
        Assert.Null(summary.LastPurchaseAt);
        Assert.Empty(summary.NetRevenue);
    }

    [Fact]
    public void Apply_SameOrderTwice_SameSummary()
    {
        var order = Sample.Order(Sample.Purchase() with { Email = EmailAddress.Parse("ana@example.com"), MarketingConsent = true });
        var once = Summary(OrderAt("order-0", "2024-01-31T12:00:00Z"), order);

        var twice = once.Apply(order);

        Assert.Equal(once.Orders.ToArray(), twice.Orders.ToArray());
        Assert.Equal(once.Contact, twice.Contact);
        Assert.Equal(once.CustomerId, twice.CustomerId);
    }

    [Fact]
    public void Apply_ZeroTotalOrder_Counted()
    {
        var summary = Summary(OrderAt("order-1", "2024-02-01T10:00:00Z", "0.00"));

        Assert.Equal(1, summary.CountedOrderCount);
        Assert.Equal(Sample.Money("0.00"), summary.NetRevenue[CurrencyCode.Parse("EUR")]);
    }

    [Fact]
    public void NetRevenue_SeveralCurrencies_OneSumPerCurrency()
    {
        var summary = Summary(
            OrderAt("order-1", "2024-02-01T10:00:00Z", "100.00"),
            OrderAt("order-2", "2024-02-02T10:00:00Z", "1500", "JPY"),
            OrderAt("order-3", "2024-02-03T10:00:00Z", "50.50"),
            OrderAt("order-4", "2024-02-04T10:00:00Z", "2.125", "KWD"));

        Assert.Equal(3, summary.NetRevenue.Count);
        Assert.Equal(Sample.Money("150.50"), summary.NetRevenue[CurrencyCode.Parse("EUR")]);
        Assert.Equal(Sample.Money("1500", "JPY"), summary.NetRevenue[CurrencyCode.Parse("JPY")]);
        Assert.Equal(Sample.Money("2.125", "KWD"), summary.NetRevenue[CurrencyCode.Parse("KWD")]);
    }

    [Fact]
    public void Apply_NewerPurchase_OverridesTheContactFieldsItCarries()
    {
        var older = Sample.Order(Sample.Purchase("order-1") with
        {
            PurchasedAt = Sample.At("2024-02-01T10:00:00Z"),
            Email = EmailAddress.Parse("old@example.com"),
            Locale = LocaleTag.Parse("en-GB"),
            MarketingConsent = true,
        });
        var newer = Sample.Order(Sample.Purchase("order-2") with
        {
            PurchasedAt = Sample.At("2024-02-29T10:00:00+01:00"),
            Email = EmailAddress.Parse("new@example.com"),
            MarketingConsent = false,
        });

        var summary = Summary(older, newer);

        Assert.Equal(
            new CustomerContact(
                new(EmailAddress.Parse("new@example.com"), Sample.At("2024-02-29T09:00:00Z")),
                new(LocaleTag.Parse("en-GB"), Sample.At("2024-02-01T10:00:00Z")),
                new(false, Sample.At("2024-02-29T09:00:00Z"))),
            summary.Contact);
    }

    [Fact]
    public void Apply_OlderPurchaseAfterANewerOne_OnlyFillsMissingContactFields()
    {
        var newer = Sample.Order(Sample.Purchase("order-2") with
        {
            PurchasedAt = Sample.At("2024-02-29T10:00:00Z"),
            Email = EmailAddress.Parse("new@example.com"),
        });
        var older = Sample.Order(Sample.Purchase("order-1") with
        {
            PurchasedAt = Sample.At("2024-02-01T10:00:00Z"),
            Email = EmailAddress.Parse("old@example.com"),
            Locale = LocaleTag.Parse("de-DE"),
            MarketingConsent = false,
        });

        var summary = Summary(newer, older);

        Assert.Equal(
            new CustomerContact(
                new(EmailAddress.Parse("new@example.com"), Sample.At("2024-02-29T10:00:00Z")),
                new(LocaleTag.Parse("de-DE"), Sample.At("2024-02-01T10:00:00Z")),
                new(false, Sample.At("2024-02-01T10:00:00Z"))),
            summary.Contact);
    }

    [Fact]
    public void Apply_RefundOfAnOlderOrder_DoesNotRollTheContactBack()
    {
        var older = Sample.Order(Sample.Purchase("order-1") with { PurchasedAt = Sample.At("2024-02-01T10:00:00Z"), Email = EmailAddress.Parse("old@example.com") });
        var newer = Sample.Order(Sample.Purchase("order-2") with { PurchasedAt = Sample.At("2024-02-29T10:00:00Z"), Email = EmailAddress.Parse("new@example.com") });
        var summary = Summary(older, newer);

        var after = summary.Apply(older.Refunded("refund-1", "10.00"));

        Assert.Equal(summary.Contact, after.Contact);
    }

    [Fact]
    public void Apply_PurchaseWithoutContactFields_KeepsTheContact()
    {
        var withEmail = Sample.Order(Sample.Purchase("order-1") with { PurchasedAt = Sample.At("2024-02-01T10:00:00Z"), Email = EmailAddress.Parse("ana@example.com") });
        var bare = OrderAt("order-2", "2024-02-29T10:00:00Z");

        var summary = Summary(withEmail, bare);

        Assert.Equal(new CustomerContact(new(EmailAddress.Parse("ana@example.com"), Sample.At("2024-02-01T10:00:00Z")), null, null), summary.Contact);
    }

    [Fact]
    public void OrderKeyFor_SameOrderId_SameKeyAndOtherIdsDiffer()
    {
        Assert.Equal(OrderKey.For(OrderId.Parse("order-1")), OrderKey.For(OrderId.Parse("order-1")));
        Assert.NotEqual(OrderKey.For(OrderId.Parse("order-1")), OrderKey.For(OrderId.Parse("order-2")));
        Assert.NotEqual(OrderKey.For(OrderId.Parse("order-1")), OrderKey.For(OrderId.Parse("ORDER-1")));
    }

    [Fact]
    public void OrderFactFrom_TestOrder_NotCounted()
    {
        var fact = OrderFact.From(Sample.Order(Sample.Purchase() with { IsTest = true }));

        Assert.False(fact.Counted);
    }
}
