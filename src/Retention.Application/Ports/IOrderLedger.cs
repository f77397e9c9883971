using Retention.Application.Ingest;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Ports;

/// <summary>
/// Where orders and customer summaries are kept. Every write is atomic and idempotent: an order and its
/// customer's summary change together or not at all, and a retried request never counts twice.
/// </summary>
public interface IOrderLedger
{
    /// <summary>Records purchases; the outcomes are in input order. One failing purchase does not block the others.</summary>
    Task<IReadOnlyList<PurchaseOutcome>> RecordPurchasesAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken);

    Task<RefundOutcome> RefundAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken);

    Task<CancelOutcome> CancelAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken);

    Task<Order?> FindOrderAsync(OrderId orderId, CancellationToken cancellationToken);

    Task<CustomerSummary?> FindCustomerAsync(CustomerId customerId, CancellationToken cancellationToken);

    /// <summary>The customer's orders (test orders included), oldest first, for the data export.</summary>
    Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the customer's personal data (email, first name, locale, marketing consent) from their summary and every
    /// order row; amounts, dates and items stay, so every metric stays the same. Returns false for an unknown customer.
    /// </summary>
    Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken);

    /// <summary>Every customer summary, for the nightly job: reads one row per customer, never the orders.</summary>
    IAsyncEnumerable<CustomerSummary> ReadAllCustomersAsync(CancellationToken cancellationToken);
}
