using System.Globalization;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Domain.Tests.Support;

/// <summary>Valid values to start from; each test changes only what it is about.</summary>
internal static class Sample
{
    /// <summary>The server clock in every test unless a test says otherwise.</summary>
    public static readonly DateTimeOffset Now = At("2024-03-01T12:00:00Z");

    /// <summary>A leap-day purchase time with a non-UTC offset: 09:00 UTC.</summary>
    public static readonly DateTimeOffset PurchasedAt = At("2024-02-29T10:00:00+01:00");

    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static Money Money(string amount, string currency = "EUR") =>
        Domain.Amounts.Money.TryCreate(Amount(amount), CurrencyCode.Parse(currency), out var money, out var error)
            ? money
            : throw new ArgumentException($"{amount} {currency} {error.Reason}", nameof(amount));

    public static Purchase Purchase(string orderId = "order-1", string total = "100.00", string currency = "EUR", string customerId = "customer-1") => new()
    {
        OrderId = OrderId.Parse(orderId),
        CustomerId = CustomerId.Parse(customerId),
        PurchasedAt = PurchasedAt,
        Total = Money(total, currency),
    };

    public static Order Order(Purchase purchase) => new() { Purchase = purchase, RecordedAt = purchase.PurchasedAt };

    public static Order Order(string total = "100.00", string currency = "EUR") => Order(Purchase(total: total, currency: currency));

    public static RefundRequest RefundRequest(string refundId, string amount, DateTimeOffset? refundedAt = null, string? reason = null) =>
        new(RefundId.Parse(refundId), Amount(amount), refundedAt, reason);

    /// <summary>The order after a refund that must be accepted.</summary>
    public static Order Refunded(this Order order, string refundId, string amount, DateTimeOffset? refundedAt = null) =>
        Assert.IsType<RefundDecision.Accepted>(order.Refund(RefundRequest(refundId, amount, refundedAt), Now)).Order;

    /// <summary>The order after a cancellation that must be accepted.</summary>
    public static Order Cancelled(this Order order, DateTimeOffset? cancelledAt = null) =>
        Assert.IsType<CancelDecision.Accepted>(order.Cancel(new CancelRequest(cancelledAt, null), Now)).Order;
}
