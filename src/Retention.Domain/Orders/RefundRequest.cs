namespace Retention.Domain.Orders;

/// <summary>A storefront's request to refund part or all of an order. <see cref="RefundId"/> is its idempotency key.</summary>
/// <param name="Amount">In the order's currency; must be more than zero and at most what remains.</param>
/// <param name="RefundedAt">When the storefront refunded; null means "when we received it".</param>
public sealed record RefundRequest(RefundId RefundId, decimal Amount, DateTimeOffset? RefundedAt, string? Reason);
