using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>What happened to a refund request.</summary>
public abstract record RefundOutcome
{
    private RefundOutcome()
    {
    }

    public sealed record Recorded(RefundReceipt Receipt) : RefundOutcome;

    public sealed record Replayed(RefundReceipt Receipt) : RefundOutcome;

    /// <summary>No order with this id was recorded.</summary>
    public sealed record OrderNotFound(OrderId OrderId) : RefundOutcome;

    /// <summary>The order refused the refund (conflict, too much, cancelled, invalid field); nothing changed.</summary>
    public sealed record Rejected(RefundDecision Decision) : RefundOutcome;
}
