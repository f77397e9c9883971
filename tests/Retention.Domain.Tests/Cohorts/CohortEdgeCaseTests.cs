using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;

namespace Retention.Domain.Tests.Cohorts;

public sealed class CohortEdgeCaseTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2024-01-31T23:59:59+00:00", "UTC", "2024-01")]
    [InlineData("2024-01-31T23:30:00+00:00", "Europe/Berlin", "2024-02")]
    [InlineData("2024-02-29T12:00:00+00:00", "UTC", "2024-02")]
    [InlineData("2024-03-01T00:00:00+00:00", "UTC", "2024-03")]
    [InlineData("2024-02-29T23:59:59.9999999+00:00", "UTC", "2024-02")]
    [InlineData("2026-03-01T04:59:59+00:00", "America/New_York", "2026-02")]
    [InlineData("2026-03-01T05:00:00+00:00", "America/New_York", "2026-03")]
    public void Monthly_PurchaseNearMonthEnd_FallsInTheStoreZonesMonth(string instant, string zone, string expectedCohort)
    {
        var calendar = zone == "UTC" ? StoreCalendar.Utc : new StoreCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone));
        var engine = new RetentionEngine(calendar, new DateOnly(2026, 12, 31), true, "EUR");
        engine.Add([new CountedPurchase(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), 1m)]);

        var table = engine.Build().Monthly;

        Assert.Equal(expectedCohort, table.Rows[0].Cohort.Label);
        Assert.Equal(1, table.Rows[0].Size);
    }

    [Fact]
    public void DayOf_AroundDstChanges_KeepsCalendarDays()
    {
        var calendar = new StoreCalendar(NewYork);

        // Spring forward on 2026-03-08 at 02:00 local: 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT, same day.
        Assert.Equal(new DateOnly(2026, 3, 8), calendar.DayOf(DateTimeOffset.Parse("2026-03-08T06:59:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2026, 3, 8), calendar.DayOf(DateTimeOffset.Parse("2026-03-08T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        // Fall back on 2026-11-01: 04:00Z is midnight EDT (new day); 03:59Z is still 31 Oct.
        Assert.Equal(new DateOnly(2026, 10, 31), calendar.DayOf(DateTimeOffset.Parse("2026-11-01T03:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2026, 11, 1), calendar.DayOf(DateTimeOffset.Parse("2026-11-01T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        // The 25-hour day ends at 05:00Z (midnight EST).
        Assert.Equal(new DateOnly(2026, 11, 1), calendar.DayOf(DateTimeOffset.Parse("2026-11-02T04:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void DayOf_ExactlyMidnightInTheStoreZone_IsTheNewDay()
    {
        var calendar = new StoreCalendar(Berlin);

        Assert.Equal(new DateOnly(2026, 7, 1), calendar.DayOf(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(new DateOnly(2026, 6, 30), calendar.DayOf(new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Monthly_MonthWithoutNewCustomers_IsACohortOfSizeZeroWithoutPercentages()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 31), true, "EUR");
        engine.Add([Datasets.At(new DateOnly(2026, 1, 10)), Datasets.At(new DateOnly(2026, 3, 5))]);
        engine.Add([Datasets.At(new DateOnly(2026, 3, 20))]);

        var table = engine.Build().Monthly;

        Assert.Equal(["2026-01", "2026-02", "2026-03"], table.Rows.Select(r => r.Cohort.Label));
        var february = table.Rows[1];
        Assert.Equal(0, february.Size);
        Assert.Equal([0, 0], february.On.ToArray());
        Assert.Null(CohortRow.Percent(february.On[1], february.Size));
        Assert.Equal([1, 0, 1], table.Rows[0].On.ToArray());
        Assert.Equal([1, 1, 1], table.Rows[0].OnOrAfter.ToArray());
    }

    [Fact]
    public void Monthly_AsOfBeforeSomePurchases_IgnoresLaterPurchases()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 2, 15), false, "EUR");
        engine.Add([Datasets.At(new DateOnly(2026, 1, 10), 10m), Datasets.At(new DateOnly(2026, 2, 15), 5m), Datasets.At(new DateOnly(2026, 2, 16), 99m)]);
        engine.Add([Datasets.At(new DateOnly(2026, 3, 1), 7m)]);

        var snapshot = engine.Build();

        Assert.Equal(1, snapshot.Monthly.Rows.Sum(r => r.Size));
        Assert.Equal([10m, 5m], snapshot.Monthly.Rows[0].Revenue.ToArray());
        Assert.Equal(1, snapshot.Metrics.Customers);
    }

    [Fact]
    public void Monthly_CurrentPeriodInProgress_IsFlaggedAndLeftOutOfTheMean()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 10), true, "EUR");
        engine.Add([Datasets.At(new DateOnly(2026, 1, 5)), Datasets.At(new DateOnly(2026, 2, 5))]);
        engine.Add([Datasets.At(new DateOnly(2026, 1, 6))]);
        engine.Add([Datasets.At(new DateOnly(2026, 2, 7))]);

        var table = engine.Build().Monthly;

        Assert.False(table.CurrentComplete);
        Assert.True(table.IsInProgress(table.Rows[0], 2));
        Assert.False(table.IsInProgress(table.Rows[0], 1));
        Assert.True(table.IsInProgress(table.Rows[1], 1));
        // Offset 1: only January's cell is complete (1 of 2 came back); February's is in progress and left out.
        Assert.Equal(50.0, table.WeightedMean(1, RetentionMode.On));
        Assert.Equal(100.0, table.WeightedMean(0, RetentionMode.On));
        Assert.Null(table.WeightedMean(2, RetentionMode.On));
    }

    [Fact]
    public void Monthly_LastDayOfMonthComplete_CurrentPeriodIsNotInProgress()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 2, 28), true, "EUR");
        engine.Add([Datasets.At(new DateOnly(2026, 2, 1))]);

        Assert.True(engine.Build().Monthly.CurrentComplete);
        Assert.False(new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 2, 28), false, "EUR").Build().Monthly.CurrentComplete);
    }

    [Fact]
    public void Weekly_IsoWeeks_LabelAndBoundaries()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2021, 1, 10), true, "EUR");
        engine.Add([Datasets.At(new DateOnly(2021, 1, 3)), Datasets.At(new DateOnly(2021, 1, 4))]);

        var table = engine.Build().Weekly;

        Assert.Equal(["2020-W53", "2021-W01"], table.Rows.Select(r => r.Cohort.Label));
        Assert.Equal(new DateOnly(2020, 12, 28), table.Rows[0].Cohort.Start);
        Assert.Equal(new DateOnly(2021, 1, 3), table.Rows[0].Cohort.End);
        Assert.Equal([1, 1], table.Rows[0].On.ToArray());
        Assert.True(table.CurrentComplete);
    }

    [Fact]
    public void Add_CustomerWithoutCountedPurchases_IsNotInAnyCohort()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 31), true, "EUR");
        engine.Add([]);

        var snapshot = engine.Build();

        Assert.Empty(snapshot.Monthly.Rows);
        Assert.Equal(0, snapshot.Metrics.Customers);
    }

    [Fact]
    public void Add_PurchasesOutOfOrder_SameTableAsSorted()
    {
        var sorted = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 6, 30), true, "EUR");
        var shuffled = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 6, 30), true, "EUR");
        CountedPurchase[] purchases = [Datasets.At(new DateOnly(2026, 1, 2), 1m), Datasets.At(new DateOnly(2026, 3, 2), 2m), Datasets.At(new DateOnly(2026, 5, 2), 3m)];
        sorted.Add(purchases);
        shuffled.Add([purchases[2], purchases[0], purchases[1]]);

        Assert.Equal(sorted.Build().Monthly.Rows[0].On.ToArray(), shuffled.Build().Monthly.Rows[0].On.ToArray());
    }

    [Theory]
    [InlineData("2011-01", 2011, 1, 1)]
    [InlineData("2011-W03", 2011, 1, 17)]
    [InlineData("2020-W53", 2020, 12, 28)]
    public void PeriodParse_Label_RoundTrips(string label, int year, int month, int day)
    {
        var period = Period.Parse(label);

        Assert.Equal(new DateOnly(year, month, day), period.Start);
        Assert.Equal(label, period.Label);
    }
}
