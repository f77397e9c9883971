using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>What happened to a cancel request.</summary>
public abstract record CancelOutcome
{
    private CancelOutcome()
    {
    }

    public sealed record Cancelled(OrderId OrderId, Cancellation Cancellation) : CancelOutcome;

    /// <summary>The order was cancelled before; this is the first cancellation.</summary>
    public sealed record AlreadyCancelled(OrderId OrderId, Cancellation Cancellation) : CancelOutcome;

    public sealed record OrderNotFound(OrderId OrderId) : CancelOutcome;

    public sealed record Invalid(string Field, Retention.Domain.FieldError Error) : CancelOutcome;
}
