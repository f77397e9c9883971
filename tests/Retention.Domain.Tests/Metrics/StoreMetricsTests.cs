using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;
using Retention.Domain.Metrics;
using Retention.Domain.Tests.Cohorts;

namespace Retention.Domain.Tests.Metrics;

public sealed class StoreMetricsTests
{
    [Fact]
    public void RetentionRate_TextbookExample_Is75Percent()
    {
        Assert.Equal(75.0, RetentionRate.Compute(activeAtStart: 10_000, activeAtEnd: 13_000, newCustomers: 5_500));
    }

    [Fact]
    public void RetentionRate_NobodyActiveAtStart_IsUndefined()
    {
        Assert.Null(RetentionRate.Compute(0, 10, 10));
    }

    [Fact]
    public void Windows_OfAMonth_CountStartEndAndNewWithTheActivityWindow()
    {
        // Window 30 days; March 2026. S = active at end of 28 Feb: bought 30 Jan..28 Feb.
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 31), true, "EUR", activityWindowDays: 30);
        engine.Add([Datasets.At(new DateOnly(2026, 2, 10), 10m), Datasets.At(new DateOnly(2026, 3, 15), 20m)]);  // in S, in E
        engine.Add([Datasets.At(new DateOnly(2026, 1, 30), 10m)]);                                               // in S (first day of window), lapsed
        engine.Add([Datasets.At(new DateOnly(2026, 1, 29), 10m)]);                                               // just outside S
        engine.Add([Datasets.At(new DateOnly(2026, 3, 3), 40m), Datasets.At(new DateOnly(2026, 3, 20), 60m)]);   // new in March, in E
        engine.Add([Datasets.At(new DateOnly(2026, 2, 20), 5m), Datasets.At(new DateOnly(2026, 3, 1), 5m)]);    // in S; 1 Mar is just outside E (2 Mar..31 Mar)

        var march = engine.Build().Metrics.Window("month");

        Assert.Equal(3, march.ActiveAtStart);
        Assert.Equal(2, march.ActiveAtEnd);
        Assert.Equal(1, march.New);
        Assert.Equal(100.0 * (2 - 1) / 3, march.RetentionRate!.Value, 10);
        Assert.Equal(100 - (100.0 * (2 - 1) / 3), march.ChurnRate!.Value, 10);
        Assert.Equal(3, march.Buyers);
        Assert.Equal(1, march.FirstOrders);
        Assert.Equal(3, march.RepeatOrders);
        Assert.Equal(40m, march.AverageFirstOrderValue);
        Assert.Equal((20m + 60m + 5m) / 3, march.AverageRepeatOrderValue);
        Assert.Equal((double)(100 * 85m / 125m), march.ReturningRevenueShare!.Value, 10);
        Assert.Equal(4.0 / 3, march.PurchaseFrequency!.Value, 10);
    }

    [Fact]
    public void StoreMetrics_RepeatRateActiveAndMedianDaysToSecondPurchase()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 12, 31), true, "EUR", activityWindowDays: 365);
        engine.Add([Datasets.At(new DateOnly(2026, 1, 1)), Datasets.At(new DateOnly(2026, 1, 11))]);   // 10 days
        engine.Add([Datasets.At(new DateOnly(2026, 2, 1)), Datasets.At(new DateOnly(2026, 3, 3))]);    // 30 days
        engine.Add([Datasets.At(new DateOnly(2025, 6, 1)), Datasets.At(new DateOnly(2025, 6, 1)), Datasets.At(new DateOnly(2025, 7, 1))]); // 0 days (same-day second order)
        engine.Add([Datasets.At(new DateOnly(2024, 5, 5))]);                                           // one-time, lapsed

        var metrics = engine.Build().Metrics;

        Assert.Equal(4, metrics.Customers);
        Assert.Equal(3, metrics.RepeatCustomers);
        Assert.Equal(75.0, metrics.RepeatPurchaseRate);
        Assert.Equal(10.0, metrics.MedianDaysToSecondPurchase);
        Assert.Equal(2, metrics.ActiveCustomers);
        // End of November 2026: the same four customers, the same repeaters; active = bought since 2025-12-01.
        Assert.Equal(new StockMetrics(new DateOnly(2026, 11, 30), 4, 2, 75.0), metrics.PreviousMonthEnd);
    }

    [Fact]
    public void StoreMetrics_PreviousMonthEnd_LeavesOutLaterPurchases()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 10), true, "EUR", activityWindowDays: 30);
        engine.Add([Datasets.At(new DateOnly(2026, 1, 20)), Datasets.At(new DateOnly(2026, 3, 2))]); // at 28 Feb: one purchase, 20 Jan, outside the 30-day window (30 Jan..28 Feb)
        engine.Add([Datasets.At(new DateOnly(2026, 2, 10)), Datasets.At(new DateOnly(2026, 2, 11))]); // at 28 Feb: repeat, active
        engine.Add([Datasets.At(new DateOnly(2026, 3, 5))]);                                         // not yet a customer at 28 Feb

        var previous = engine.Build().Metrics.PreviousMonthEnd;

        Assert.Equal(new StockMetrics(new DateOnly(2026, 2, 28), 2, 1, 50.0), previous);
    }

    [Fact]
    public void StoreMetrics_EvenNumberOfRepeatCustomers_MedianIsMeanOfMiddleTwo()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 12, 31), true, "EUR");
        engine.Add([Datasets.At(new DateOnly(2026, 1, 1)), Datasets.At(new DateOnly(2026, 1, 2))]);
        engine.Add([Datasets.At(new DateOnly(2026, 1, 1)), Datasets.At(new DateOnly(2026, 1, 4))]);

        Assert.Equal(2.0, engine.Build().Metrics.MedianDaysToSecondPurchase);
    }

    [Fact]
    public void StoreMetrics_NoCustomers_RatesAreUndefinedNotZero()
    {
        var metrics = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 12, 31), true, "EUR").Build().Metrics;

        Assert.Null(metrics.RepeatPurchaseRate);
        Assert.Null(metrics.MedianDaysToSecondPurchase);
        Assert.All(metrics.Windows, w => Assert.Null(w.RetentionRate));
    }

    [Fact]
    public void Windows_AroundAsOf_AreCalendarPeriodsToDateAndTheFullOnesBefore()
    {
        var windows = ReportWindow.Around(new DateOnly(2026, 5, 17), asOfComplete: true).ToDictionary(w => w.Name);

        Assert.Equal((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 17), false), (windows["month"].Start, windows["month"].End, windows["month"].Complete));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)), (windows["previousMonth"].Start, windows["previousMonth"].End));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 17)), (windows["quarter"].Start, windows["quarter"].End));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (windows["previousQuarter"].Start, windows["previousQuarter"].End));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (windows["previousYear"].Start, windows["previousYear"].End));
        Assert.True(ReportWindow.Around(new DateOnly(2024, 2, 29), true).Single(w => w.Name == "month").Complete);
    }
}
