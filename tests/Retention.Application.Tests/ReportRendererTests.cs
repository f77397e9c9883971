using Retention.Application.Reports;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;

namespace Retention.Application.Tests;

public sealed class ReportRendererTests
{
    private static RetentionSnapshot Snapshot()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 15), asOfComplete: true, "EUR");
        engine.Add([At(2026, 1, 5), At(2026, 2, 5)]);
        engine.Add([At(2026, 1, 6), At(2026, 3, 6)]);
        engine.Add([At(2026, 3, 7)]);
        return engine.Build();
    }

    private static CountedPurchase At(int y, int m, int d) => new(new DateTimeOffset(y, m, d, 12, 0, 0, TimeSpan.Zero), 10m);

    [Fact]
    public void Csv_Counts_OneRowPerCohortThenSizeThenOffsets()
    {
        var csv = ReportRenderer.Csv(Snapshot(), new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Count));

        Assert.Equal("cohort,size,0,1,2\n2026-01,2,2,1,1\n2026-02,0,0,0,\n2026-03,1,1,,\n", csv);
    }

    [Fact]
    public void Csv_PercentOnOrAfter_OneDecimalAndEmptyForEmptyCohorts()
    {
        var csv = ReportRenderer.Csv(Snapshot(), new ReportOptions(Granularity.Month, RetentionMode.OnOrAfter, ReportValues.Percent));

        Assert.Equal("cohort,size,0,1,2\n2026-01,2,100.0,100.0,50.0\n2026-02,0,,,\n2026-03,1,100.0,,\n", csv);
    }

    [Fact]
    public void Json_FlagsTheInProgressCellAndGivesTheWeightedMean()
    {
        var json = System.Text.Json.JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(), new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent)));
        var january = json.RootElement.GetProperty("cohorts")[0];

        Assert.Equal(2, january.GetProperty("inProgressOffset").GetInt32());
        Assert.Equal([100.0, 50.0, 50.0], january.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        // Offset 1: January (1 of 2) and February (empty) complete; offset 2 only in progress cells → null.
        Assert.Equal(50.0, json.RootElement.GetProperty("weightedMeanPercent")[1].GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("weightedMeanPercent")[2].ValueKind);
        Assert.Equal("2026-03", json.RootElement.GetProperty("current").GetProperty("period").GetString());
    }

    [Fact]
    public void Html_EscapesAndHasNoScripts()
    {
        var html = ReportRenderer.Html(Snapshot(), new ReportOptions(Granularity.Week, RetentionMode.On, ReportValues.Percent));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("2026-W02", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, "#ffffff")]
    [InlineData(0.0, "#ffffff")]
    [InlineData(50.0, "#1a9850")]
    [InlineData(90.0, "#1a9850")]
    public void HeatColour_ScalesFromWhiteToGreen(double? percent, string expected)
    {
        Assert.Equal(expected, ReportRenderer.HeatColour(percent));
    }
}
