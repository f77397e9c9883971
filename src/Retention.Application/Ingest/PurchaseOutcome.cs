using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>What happened to one posted purchase.</summary>
public abstract record PurchaseOutcome
{
    private PurchaseOutcome()
    {
    }

    /// <summary>First time we saw this order: it is stored.</summary>
    public sealed record Recorded(PurchaseReceipt Receipt) : PurchaseOutcome;

    /// <summary>The same order was posted before with the same content: nothing changed.</summary>
    public sealed record Replayed(PurchaseReceipt Receipt) : PurchaseOutcome;

    /// <summary>The order id was recorded before with different content: nothing changed.</summary>
    public sealed record Conflict(OrderId OrderId) : PurchaseOutcome;

    /// <summary>Storage failed after retries: nothing of this purchase is counted; posting it again is safe.</summary>
    public sealed record Unavailable(OrderId OrderId) : PurchaseOutcome;
}
