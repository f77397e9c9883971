using System.Runtime.CompilerServices;
using Retention.Application.Ingest;
using Retention.Application.Models;
using Retention.Application.Ports;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests.Models;

/// <summary>Customer summaries in memory, built through <see cref="CustomerSummary.Apply"/> as ingest builds them.</summary>
internal sealed class FakeLedger : IOrderLedger
{
    public List<CustomerSummary> Summaries { get; } = [];

    public void Add(CustomerId customer, IEnumerable<(DateTimeOffset At, decimal Amount)> orders, string currency = "USD") =>
        Add(customer, orders.Select(o => (o.At, o.Amount, currency)));

    public void Add(CustomerId customer, IEnumerable<(DateTimeOffset At, decimal Amount, string Currency)> orders)
    {
        var summary = CustomerSummary.Empty(customer);
        var n = 0;
        foreach (var (at, amount, currency) in orders)
        {
            summary = summary.Apply(new Order
            {
                RecordedAt = DateTimeOffset.UnixEpoch,
                Purchase = new Purchase
                {
                    OrderId = OrderId.Parse($"{customer.Value}-{n++}"),
                    CustomerId = customer,
                    PurchasedAt = at,
                    Total = new Money(amount, CurrencyCode.Parse(currency)),
                },
            });
        }
        Summaries.Add(summary);
    }

    public async IAsyncEnumerable<CustomerSummary> ReadAllCustomersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var summary in Summaries)
        {
            await Task.Yield();
            yield return summary;
        }
    }

    public Task<IReadOnlyList<PurchaseOutcome>> RecordPurchasesAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<RefundOutcome> RefundAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<CancelOutcome> CancelAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Order?> FindOrderAsync(OrderId orderId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<CustomerSummary?> FindCustomerAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Remembers every save.</summary>
internal sealed class FakePredictions : ICustomerPredictions
{
    public List<(DateOnly AsOf, IReadOnlyDictionary<CustomerId, CustomerPrediction> Predictions)> Saved { get; } = [];

    public Task SaveAsync(DateOnly asOf, IReadOnlyDictionary<CustomerId, CustomerPrediction> predictions, CancellationToken cancellationToken)
    {
        Saved.Add((asOf, predictions));
        return Task.CompletedTask;
    }

    public Task<StoredPrediction?> FindAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.Count > 0 && Saved[^1].Predictions.TryGetValue(customerId, out var p) ? new StoredPrediction(customerId, Saved[^1].AsOf, p) : null);
}
