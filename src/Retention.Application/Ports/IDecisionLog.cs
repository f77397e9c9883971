using Retention.Domain.Customers;
using Retention.Application.Rewards;

namespace Retention.Application.Ports;

/// <summary>
/// Every decision the programmes made, once per message id, with whether the customer was held out and whether the
/// message was handed to the queue. The nightly uplift reads it.
/// </summary>
public interface IDecisionLog
{
    /// <summary>Records a decision unless its message id is there already; returns the stored entry (the first one wins).</summary>
    Task<LoggedDecision> RecordAsync(LoggedDecision decision, CancellationToken cancellationToken);

    /// <summary>Marks a decision's message as handed to the queue.</summary>
    Task MarkPublishedAsync(CustomerId customerId, string messageId, CancellationToken cancellationToken);

    IAsyncEnumerable<LoggedDecision> ReadAllAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<LoggedDecision> ReadCustomerAsync(CustomerId customerId, CancellationToken cancellationToken);
}
