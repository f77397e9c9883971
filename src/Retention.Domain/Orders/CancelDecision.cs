namespace Retention.Domain.Orders;

/// <summary>The outcome of asking an order to be cancelled.</summary>
public abstract record CancelDecision
{
    private CancelDecision()
    {
    }

    /// <summary>The order was live and is now cancelled.</summary>
    public sealed record Accepted(Order Order, Cancellation Cancellation) : CancelDecision;

    /// <summary>The order was already cancelled; cancelling again changes nothing.</summary>
    public sealed record AlreadyCancelled(Cancellation Cancellation) : CancelDecision;

    /// <summary>A field of the request is invalid for this order.</summary>
    public sealed record Invalid(string Field, FieldError Error) : CancelDecision;
}
