using Retention.Domain.Customers;
using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>
/// What we answer when a purchase is recorded. Built only from what was stored at the first recording,
/// so a replay answers with exactly the same receipt.
/// </summary>
/// <param name="Counted">False for test orders, which are stored but never counted.</param>
public sealed record PurchaseReceipt(OrderId OrderId, CustomerId CustomerId, bool Counted, DateTimeOffset RecordedAt)
{
    public static PurchaseReceipt For(Order order) =>
        new(order.OrderId, order.Purchase.CustomerId, !order.Purchase.IsTest, order.RecordedAt);
}
