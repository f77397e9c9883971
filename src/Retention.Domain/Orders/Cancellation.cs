namespace Retention.Domain.Orders;

/// <summary>The recorded cancellation of an order.</summary>
/// <param name="RecordedAt">When we recorded it (server clock).</param>
public sealed record Cancellation(DateTimeOffset CancelledAt, string? Reason, DateTimeOffset RecordedAt);
