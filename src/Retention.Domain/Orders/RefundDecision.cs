namespace Retention.Domain.Orders;

/// <summary>The outcome of asking an order to take a refund.</summary>
public abstract record RefundDecision
{
    private RefundDecision()
    {
    }

    /// <summary>The refund is new and valid; <see cref="Order"/> is the order with it applied.</summary>
    public sealed record Accepted(Order Order, Refund Refund) : RefundDecision;

    /// <summary>The same refund was recorded before: answer as the first time.</summary>
    public sealed record Replay(Refund Refund) : RefundDecision;

    /// <summary>A different refund with the same refund id was recorded before.</summary>
    public sealed record Conflict(Refund Existing) : RefundDecision;

    /// <summary>The amount is more than what remains refundable.</summary>
    public sealed record ExceedsRemaining(Amounts.Money Remaining) : RefundDecision;

    /// <summary>The order was cancelled; there is nothing left to refund.</summary>
    public sealed record OrderCancelled : RefundDecision;

    /// <summary>A field of the request is invalid for this order (too many decimals, before the purchase, ...).</summary>
    public sealed record Invalid(string Field, FieldError Error) : RefundDecision;
}
