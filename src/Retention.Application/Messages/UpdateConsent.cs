using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Application.Messages;

/// <summary>The storefront tells us the customer's marketing consent changed (<c>POST /api/customers/{id}/consent</c>).</summary>
public sealed class UpdateConsent(IConsentStore consent)
{
    /// <summary>Applies the change made at <paramref name="at"/>; an older change than the one kept changes nothing.</summary>
    public Task<ConsentRecord> ExecuteAsync(CustomerId customerId, bool marketing, DateTimeOffset at, CancellationToken cancellationToken) =>
        consent.UpdateAsync(customerId, record => record.WithConsent(marketing, at), cancellationToken);
}
