using Retention.Application.Ingest;
using Retention.Domain.Orders;

namespace Retention.Api.Endpoints;

/// <summary>The JSON bodies of successful responses. Amounts are strings with the currency's decimals ("12.50").</summary>
internal static class Responses
{
    public sealed record PurchaseRecorded(string OrderId, string CustomerId, bool Counted, DateTimeOffset RecordedAt);

    public sealed record RefundRecorded(
        string OrderId, string RefundId, string Amount, string Currency, DateTimeOffset RefundedAt, string Remaining, bool OrderCounted, DateTimeOffset RecordedAt);

    public sealed record OrderCancelled(string OrderId, DateTimeOffset CancelledAt, string? Reason, DateTimeOffset RecordedAt);

    public sealed record BatchItem(int Index, string? OrderId, int Status, string Outcome, PurchaseRecorded? Receipt, object? Problem);

    public sealed record BatchSummary(int Received, int Recorded, int Replayed, int Conflicts, int Invalid, int Unavailable);

    public sealed record BatchResult(BatchSummary Summary, IReadOnlyList<BatchItem> Results);

    public sealed record Health(string Status, string Storage);

    public static PurchaseRecorded From(PurchaseReceipt receipt) =>
        new(receipt.OrderId.Value, receipt.CustomerId.Value, receipt.Counted, receipt.RecordedAt);

    public static RefundRecorded From(RefundReceipt receipt) =>
        new(receipt.OrderId.Value, receipt.RefundId.Value, receipt.Amount.FormatAmount(), receipt.Amount.Currency.Code,
            receipt.RefundedAt, receipt.RemainingAfter.FormatAmount(), receipt.OrderCounted, receipt.RecordedAt);

    public static OrderCancelled From(OrderId orderId, Cancellation cancellation) =>
        new(orderId.Value, cancellation.CancelledAt, cancellation.Reason, cancellation.RecordedAt);
}
