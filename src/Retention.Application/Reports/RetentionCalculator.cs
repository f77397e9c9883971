using System.Diagnostics;
using Microsoft.Extensions.Options;
using Retention.Application.Ports;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;

namespace Retention.Application.Reports;

/// <summary>
/// Computes a snapshot from the stored customer summaries (one row per customer, never the orders) as of the end of
/// a store day. Amounts in other currencies than the store's count as activity with no revenue.
/// </summary>
public sealed class RetentionCalculator(IOrderLedger ledger, IOptions<StoreOptions> options, TimeProvider clock)
{
    public StoreCalendar Calendar { get; } = new(options.Value.ResolveTimeZone());

    /// <summary>Today in the store's zone.</summary>
    public DateOnly Today => Calendar.DayOf(clock.GetUtcNow());

    public async Task<(RetentionSnapshot Snapshot, int Customers, TimeSpan Elapsed)> ComputeAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var store = options.Value;
        var started = Stopwatch.GetTimestamp();
        var engine = new RetentionEngine(Calendar, asOf, asOfComplete: asOf < Today, store.Currency, store.ActivityWindowDays);
        var buffer = new List<CountedPurchase>();
        var customers = 0;
        await foreach (var summary in ledger.ReadAllCustomersAsync(cancellationToken))
        {
            customers++;
            buffer.Clear();
            foreach (var order in summary.CountedOrders)
            {
                buffer.Add(ToPurchase(order, store.Currency));
            }
            engine.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
        }
        return (engine.Build(), customers, Stopwatch.GetElapsedTime(started));
    }

    private static CountedPurchase ToPurchase(OrderFact order, string currency) =>
        new(order.PurchasedAt, order.NetTotal.Currency.Code == currency ? order.NetTotal.Amount : 0m);
}
