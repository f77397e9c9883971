using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;

namespace Retention.Domain.Tests.Cohorts;

/// <summary>
/// The engine against the public data sets: its tables must equal a straightforward independent computation over the
/// raw files (first month per customer, distinct active months), and the cells pinned below, checked by hand against
/// the published "cohorts" package table for the UCI Online Retail data and against the CDNOW sample file.
/// </summary>
public sealed class RealDataCohortTests
{
    [Fact]
    public void OnlineRetail_MonthlyOnCounts_EqualIndependentComputation()
    {
        var customers = Datasets.OnlineRetail();
        var table = Compute(customers.Values.Select(days => days.Select(d => Datasets.At(d))), new DateOnly(2011, 12, 31));

        var expected = Independent(customers.Values.Select(days => (IReadOnlyList<DateOnly>)days), new DateOnly(2011, 12, 1));
        Assert.Equal(13, table.Rows.Length);
        Assert.Equal("2010-12", table.Rows[0].Cohort.Label);
        Assert.Equal("2011-12", table.Rows[^1].Cohort.Label);
        foreach (var row in table.Rows)
        {
            Assert.Equal(expected[row.Cohort.Label], row.On.ToArray());
        }
    }

    [Fact]
    public void OnlineRetail_PinnedCells_MatchThePublishedTable()
    {
        var table = Compute(Datasets.OnlineRetail().Values.Select(days => days.Select(d => Datasets.At(d))), new DateOnly(2011, 12, 31));
        var byLabel = table.Rows.ToDictionary(r => r.Cohort.Label);

        Assert.Equal([948, 362, 317, 367, 341, 376, 360, 336, 336, 374, 354, 474, 260], byLabel["2010-12"].On.ToArray());
        Assert.Equal([421, 101, 119, 102, 138, 126, 110, 108, 131, 146, 155, 63], byLabel["2011-01"].On.ToArray());
        Assert.Equal([352, 93, 46], byLabel["2011-10"].On.ToArray());
        Assert.Equal([41], byLabel["2011-12"].On.ToArray());
        Assert.Equal(4372, table.Rows.Sum(r => r.Size));
    }

    [Fact]
    public void CdnowSample_MonthlyCohorts_EqualIndependentComputationAndPinnedCells()
    {
        var customers = Datasets.CdnowSample();
        var table = Compute(customers.Values.Select(list => list.Select(p => Datasets.At(p.Day, p.Dollars))), new DateOnly(1998, 6, 30));

        var expected = Independent(customers.Values.Select(list => (IReadOnlyList<DateOnly>)[.. list.Select(p => p.Day)]), new DateOnly(1998, 6, 1));
        Assert.Equal(2357, customers.Count);
        // CDNOW's sample is the cohort of first-time buyers of Q1 1997: every later month is an empty cohort (size 0).
        Assert.Equal(18, table.Rows.Length);
        Assert.Equal(["1997-01", "1997-02", "1997-03"], table.Rows.Take(3).Select(r => r.Cohort.Label));
        Assert.Equal([781, 857, 719], table.Rows.Take(3).Select(r => r.Size));
        Assert.All(table.Rows.Skip(3), r => Assert.Equal(0, r.Size));
        Assert.Equal([781, 124, 95, 70, 65, 77, 65, 53, 52, 45, 62, 59, 45, 47, 63, 37, 37, 33], table.Rows[0].On.ToArray());
        foreach (var row in table.Rows.Take(3))
        {
            Assert.Equal(expected[row.Cohort.Label], row.On.ToArray());
        }
        var dollarsJan97Cohort = customers.Values.Where(l => l.Min(p => p.Day) < new DateOnly(1997, 2, 1)).SelectMany(l => l).Sum(p => p.Dollars);
        Assert.Equal(dollarsJan97Cohort, table.Rows[0].Revenue.Sum());
    }

    [Fact]
    public void CdnowSample_OnOrAfter_NeverIncreasesAndStartsAtCohortSize()
    {
        var table = Compute(Datasets.CdnowSample().Values.Select(list => list.Select(p => Datasets.At(p.Day, p.Dollars))), new DateOnly(1998, 6, 30));

        foreach (var row in table.Rows)
        {
            Assert.Equal(row.Size, row.OnOrAfter[0]);
            for (var k = 1; k < row.OnOrAfter.Length; k++)
            {
                Assert.True(row.OnOrAfter[k] <= row.OnOrAfter[k - 1]);
                Assert.True(row.OnOrAfter[k] >= row.On[k]);
            }
        }
    }

    private static CohortTable Compute(IEnumerable<IEnumerable<CountedPurchase>> customers, DateOnly asOf)
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, asOf, asOfComplete: true, "USD");
        foreach (var purchases in customers)
        {
            engine.Add([.. purchases]);
        }
        return engine.Build().Monthly;
    }

    /// <summary>The textbook computation: first month per customer, then distinct active months per cohort.</summary>
    private static Dictionary<string, int[]> Independent(IEnumerable<IReadOnlyList<DateOnly>> customers, DateOnly lastMonth)
    {
        static int MonthIndex(DateOnly d) => (d.Year * 12) + d.Month - 1;
        return customers
            .Select(days => (First: days.Min(), Months: days.Select(MonthIndex).Distinct().ToArray()))
            .GroupBy(c => MonthIndex(c.First))
            .ToDictionary(
                g => new DateOnly(g.Key / 12, (g.Key % 12) + 1, 1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                g => Enumerable.Range(0, MonthIndex(lastMonth) - g.Key + 1).Select(k => g.Count(c => c.Months.Contains(g.Key + k))).ToArray());
    }
}
