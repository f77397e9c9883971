using Retention.Domain.Customers;
using Retention.Domain.Orders;

namespace Retention.Domain.Idempotency;

/// <summary>
/// The store-wide claim on an order id: which customer's order it is and which request claimed it.
/// A claim is written before the order itself, so that an order id cannot be recorded for two customers.
/// </summary>
/// <param name="ClaimedAt">When the claim was written (server clock).</param>
public sealed record OrderClaim(OrderId OrderId, CustomerId CustomerId, Fingerprint Fingerprint, DateTimeOffset ClaimedAt)
{
    /// <summary>
    /// How long a claim whose order was never written is held before another request may take it over.
    /// Longer than any request's own retry budget, so a slow but live request is never overtaken.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Decides what a new request for the same order id does with this existing claim.
    /// </summary>
    /// <param name="incoming">The new request's fingerprint.</param>
    /// <param name="orderRecorded">Whether the order this claim is for was written.</param>
    /// <param name="now">The server's clock now.</param>
    public ClaimDecision Decide(Fingerprint incoming, bool orderRecorded, DateTimeOffset now)
    {
        if (incoming == Fingerprint)
        {
            return orderRecorded ? ClaimDecision.Replay : ClaimDecision.Complete;
        }
        if (!orderRecorded && now - ClaimedAt >= AbandonedAfter)
        {
            return ClaimDecision.TakeOver;
        }
        return ClaimDecision.Conflict;
    }
}
