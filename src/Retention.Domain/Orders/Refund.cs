using Retention.Domain.Amounts;
using Retention.Domain.Idempotency;

namespace Retention.Domain.Orders;

/// <summary>A refund that was recorded against an order.</summary>
/// <param name="Fingerprint">Fingerprint of the request that recorded it, to tell replays from conflicts.</param>
/// <param name="RecordedAt">When we recorded it (server clock).</param>
public sealed record Refund(RefundId RefundId, Money Amount, DateTimeOffset RefundedAt, string? Reason, Fingerprint Fingerprint, DateTimeOffset RecordedAt);
