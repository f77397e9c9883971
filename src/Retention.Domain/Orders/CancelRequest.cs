namespace Retention.Domain.Orders;

/// <summary>A storefront's request to cancel an order.</summary>
/// <param name="CancelledAt">When the storefront cancelled; null means "when we received it".</param>
public sealed record CancelRequest(DateTimeOffset? CancelledAt, string? Reason);
