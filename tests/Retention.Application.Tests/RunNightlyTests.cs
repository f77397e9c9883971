using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retention.Application.Ingest;
using Retention.Application.Nightly;
using Retention.Application.Ports;
using Retention.Application.Reports;
using Retention.Domain.Amounts;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests;

public sealed class RunNightlyTests
{
    // 23:30 UTC on 31 March is already 1 April in Berlin (UTC+2 in summer time).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
    private readonly FakeLedger _ledger = new();
    private readonly FakeSnapshots _snapshots = new();

    private RunNightly Nightly(string zone = "Europe/Berlin") =>
        new(new RetentionCalculator(_ledger, Options.Create(new StoreOptions { TimeZone = zone, Currency = "EUR" }), _clock), _snapshots, NullLogger<RunNightly>.Instance);

    [Fact]
    public async Task Execute_NoDate_ComputesAsOfYesterdayInTheStoreZone()
    {
        var result = await Nightly().ExecuteAsync(null, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 3, 31), result.Snapshot.AsOf);
        Assert.Equal("Europe/Berlin", result.Snapshot.TimeZone);
        Assert.Same(result.Snapshot, Assert.Single(_snapshots.Saved));
    }

    [Fact]
    public async Task Execute_NoDateInUtc_YesterdayIsTheUtcDay()
    {
        var result = await Nightly("UTC").ExecuteAsync(null, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 3, 30), result.Snapshot.AsOf);
    }

    [Fact]
    public async Task Execute_TodayOrLater_IsRefusedAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Nightly().ExecuteAsync(new DateOnly(2026, 4, 1), CancellationToken.None));

        Assert.Empty(_snapshots.Saved);
    }

    [Fact]
    public async Task Execute_CountsOnlyStoreCurrencyRevenueButAllActivity()
    {
        _ledger.Summaries.Add(Summary("c1", ("2026-01-10T10:00:00Z", 10m, "EUR"), ("2026-02-10T10:00:00Z", 99m, "USD")));

        var result = await Nightly().ExecuteAsync(new DateOnly(2026, 3, 31), CancellationToken.None);

        var january = result.Snapshot.Monthly.Rows[0];
        Assert.Equal([1, 1, 0], january.On.ToArray());
        Assert.Equal([10m, 0m, 0m], january.Revenue.ToArray());
    }

    private static CustomerSummary Summary(string customer, params (string At, decimal Amount, string Currency)[] orders)
    {
        var summary = CustomerSummary.Empty(CustomerId.Parse(customer));
        var n = 0;
        foreach (var (at, amount, currency) in orders)
        {
            summary = summary.Apply(new Order
            {
                RecordedAt = DateTimeOffset.UnixEpoch,
                Purchase = new Purchase
                {
                    OrderId = OrderId.Parse($"{customer}-{n++}"),
                    CustomerId = CustomerId.Parse(customer),
                    PurchasedAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
                    Total = new Money(amount, CurrencyCode.Parse(currency)),
                },
            });
        }
        return summary;
    }

    private sealed class FakeLedger : IOrderLedger
    {
        public List<CustomerSummary> Summaries { get; } = [];

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
    }

    private sealed class FakeSnapshots : ISnapshotStore
    {
        public List<RetentionSnapshot> Saved { get; } = [];

        public Task SaveAsync(RetentionSnapshot snapshot, CancellationToken cancellationToken)
        {
            Saved.Add(snapshot);
            return Task.CompletedTask;
        }

        public Task<RetentionSnapshot?> FindAsync(DateOnly asOf, CancellationToken cancellationToken) =>
            Task.FromResult(Saved.LastOrDefault(s => s.AsOf == asOf));
    }
}
