using System.Collections.Immutable;
using Retention.Domain.Amounts;
using Retention.Domain.Idempotency;
using Retention.Domain.Purchases;

namespace Retention.Domain.Orders;

/// <summary>
/// A recorded purchase with what happened to it since: refunds and cancellation.
/// An order counts as a purchase (<see cref="IsCounted"/>) unless it is a test order, was cancelled,
/// or was refunded in full. A zero-total order that was paid counts.
/// </summary>
public sealed record Order
{
    public required Purchase Purchase { get; init; }

    /// <summary>When we first recorded the purchase (server clock).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public ImmutableArray<Refund> Refunds { get; init; } = [];
    public Cancellation? Cancellation { get; init; }

    public OrderId OrderId => Purchase.OrderId;
    public bool IsCancelled => Cancellation is not null;

    /// <summary>The sum of recorded refunds.</summary>
    public Money Refunded => Refunds.Aggregate(Money.Zero(Purchase.Total.Currency), (sum, r) => sum + r.Amount);

    /// <summary>What can still be refunded: total minus refunds; zero once cancelled.</summary>
    public Money Remaining => IsCancelled ? Money.Zero(Purchase.Total.Currency) : Purchase.Total - Refunded;

    /// <summary>What the store keeps of this order: total minus refunds, or zero when cancelled.</summary>
    public Money NetTotal => Remaining;

    public bool IsFullyRefunded => Purchase.Total.Amount > 0 && Refunded.Amount >= Purchase.Total.Amount;

    public bool IsCounted => !Purchase.IsTest && !IsCancelled && !IsFullyRefunded;

    /// <summary>Applies a refund request: replay, conflict, rejection, or the order with the refund added.</summary>
    /// <param name="now">The server's clock, used when the request gives no refund time and to reject future times.</param>
    public RefundDecision Refund(RefundRequest request, DateTimeOffset now)
    {
        var fingerprint = CanonicalForm.Of(OrderId, request);
        var existing = Refunds.FirstOrDefault(r => r.RefundId == request.RefundId);
        if (existing is not null)
        {
            return existing.Fingerprint == fingerprint ? new RefundDecision.Replay(existing) : new RefundDecision.Conflict(existing);
        }
        if (IsCancelled)
        {
            return new RefundDecision.OrderCancelled();
        }
        if (request.Amount <= 0)
        {
            return new RefundDecision.Invalid("amount", new FieldError("must be more than zero"));
        }
        if (!Money.TryCreate(request.Amount, Purchase.Total.Currency, out var amount, out var amountError))
        {
            return new RefundDecision.Invalid("amount", amountError);
        }
        if (amount.Amount > Remaining.Amount)
        {
            return new RefundDecision.ExceedsRemaining(Remaining);
        }
        var refundedAt = request.RefundedAt ?? now;
        if (CheckAfterPurchase(refundedAt, now) is { } timeError)
        {
            return new RefundDecision.Invalid("refundedAt", timeError);
        }
        var refund = new Refund(request.RefundId, amount, refundedAt, request.Reason, fingerprint, now);
        return new RefundDecision.Accepted(this with { Refunds = Refunds.Add(refund) }, refund);
    }

    /// <summary>Cancels the order; cancelling a cancelled order changes nothing and says so.</summary>
    public CancelDecision Cancel(CancelRequest request, DateTimeOffset now)
    {
        if (Cancellation is { } existing)
        {
            return new CancelDecision.AlreadyCancelled(existing);
        }
        var cancelledAt = request.CancelledAt ?? now;
        if (CheckAfterPurchase(cancelledAt, now) is { } timeError)
        {
            return new CancelDecision.Invalid("cancelledAt", timeError);
        }
        var cancellation = new Cancellation(cancelledAt, request.Reason, now);
        return new CancelDecision.Accepted(this with { Cancellation = cancellation }, cancellation);
    }

    private FieldError? CheckAfterPurchase(DateTimeOffset at, DateTimeOffset now)
    {
        if (at < Purchase.PurchasedAt)
        {
            return new FieldError("must not be before the purchase");
        }
        return at > now + PurchaseRules.MaxClockSkew
            ? new FieldError($"must not be more than {PurchaseRules.MaxClockSkew.TotalMinutes:0} minutes in the future")
            : null;
    }
}
