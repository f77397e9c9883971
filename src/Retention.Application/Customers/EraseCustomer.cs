using Microsoft.Extensions.Logging;
using Retention.Application.Ports;
using Retention.Domain.Customers;

namespace Retention.Application.Customers;

/// <summary>
/// Right to erasure (GDPR, Shopify <c>customers/redact</c>): removes the customer's email, first name, locale and
/// consent from their summary and every order. What stays is anonymous to us: the storefront's customer id (a
/// pseudonym), amounts, dates and items, so every cohort number stays the same. Messages still queued for them are
/// skipped at send time (the dispatcher finds no address). The suppression list keeps only a hash of the address.
/// Erasing twice is harmless.
/// </summary>
public sealed partial class EraseCustomer(IOrderLedger orders, ILogger<EraseCustomer> logger)
{
    /// <summary>False when we hold nothing about the customer.</summary>
    public async Task<bool> ExecuteAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var found = await orders.EraseContactAsync(customerId, cancellationToken);
        LogErased(found);
        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased a customer's personal data (found: {Found})")]
    private partial void LogErased(bool found);
}
