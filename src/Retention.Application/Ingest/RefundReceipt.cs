using Retention.Domain.Amounts;
using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>What we answer when a refund is recorded; a replay answers with the same receipt.</summary>
/// <param name="RemainingAfter">What remained refundable right after this refund (later refunds do not change it).</param>
/// <param name="OrderCounted">Whether the order still counted as a purchase right after this refund.</param>
public sealed record RefundReceipt(OrderId OrderId, RefundId RefundId, Money Amount, DateTimeOffset RefundedAt, Money RemainingAfter, bool OrderCounted, DateTimeOffset RecordedAt)
{
    /// <summary>The receipt for <paramref name="refund"/>, computed from the refunds recorded up to and including it.</summary>
    public static RefundReceipt For(Order order, Refund refund)
    {
        var upToThis = order.Refunds.TakeWhile(r => r.RefundId != refund.RefundId).Append(refund).ToArray();
        var refunded = upToThis.Aggregate(Money.Zero(order.Purchase.Total.Currency), (sum, r) => sum + r.Amount);
        var remaining = order.Purchase.Total - refunded;
        var counted = !order.Purchase.IsTest && !(order.Purchase.Total.Amount > 0 && remaining.Amount == 0);
        return new RefundReceipt(order.OrderId, refund.RefundId, refund.Amount, refund.RefundedAt, remaining, counted, refund.RecordedAt);
    }
}
