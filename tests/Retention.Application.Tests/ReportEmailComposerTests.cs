using System.Text;
using System.Text.RegularExpressions;
using Retention.Application.Reports;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;

namespace Retention.Application.Tests;

public sealed partial class ReportEmailComposerTests
{
    private static readonly EmailAddress From = EmailAddress.Parse("reports@example.com");
    private static readonly EmailAddress[] To = [EmailAddress.Parse("owner@example.com")];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];

    /// <summary>Cohorts from June to November 2026: each keeps some customers; November is in progress.</summary>
    private static RetentionSnapshot Store(DateOnly asOf, int cohorts = 6)
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, asOf, asOfComplete: true, "EUR");
        var customer = 0;
        for (var m = 0; m < cohorts; m++)
        {
            var first = new DateOnly(2026, 6 + m, 3);
            for (var i = 0; i < 10; i++, customer++)
            {
                var purchases = new List<CountedPurchase> { new(new DateTimeOffset(first.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), 20m + i) };
                for (var k = 1; first.AddMonths(k) <= asOf && i < 6 - k; k++)
                {
                    purchases.Add(new(new DateTimeOffset(first.AddMonths(k).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), 30m));
                }
                engine.Add([.. purchases]);
            }
        }
        return engine.Build();
    }

    [Fact]
    public void Compose_Structure_SubjectTilesHeatmapChartTextAndCsv()
    {
        var snapshot = Store(new DateOnly(2026, 11, 23));

        var message = ReportEmailComposer.Compose(snapshot, new ReportEmailOptions(), From, To, Png);

        Assert.Matches(@"^Retention \d+ % \([+−]\d+\.\d pts\) — [\d,]+ active customers — Nov 2026$", message.Subject);
        Assert.Equal("report:2026-11-23", message.IdempotencyKey);
        Assert.Contains("<img src=\"cid:" + ReportEmailComposer.ChartContentId + "\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Retention curves of the last", message.Html, StringComparison.Ordinal);
        Assert.Equal(6, TileCount().Count(message.Html));
        Assert.Equal(6 + 1, HeatmapRows().Count(message.Html));
        Assert.Contains("bgcolor=\"#", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-width:640px", message.Html, StringComparison.Ordinal);
        Assert.Contains("What changed", message.Text, StringComparison.Ordinal);
        Assert.Contains("Nov 2026", message.Text, StringComparison.Ordinal);

        var inline = Assert.Single(message.Attachments, a => a.IsInline);
        Assert.Equal(ReportEmailComposer.ChartContentId, inline.ContentId);
        var csv = Assert.Single(message.Attachments, a => !a.IsInline);
        Assert.Equal("retention-2026-11-23.csv", csv.FileName);
        Assert.Equal(ReportRenderer.Csv(snapshot, new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent)), Encoding.UTF8.GetString(csv.Content));
    }

    [Fact]
    public void Compose_InProgressCells_AreMarked()
    {
        var message = ReportEmailComposer.Compose(Store(new DateOnly(2026, 11, 23)), new ReportEmailOptions(), From, To, Png);

        Assert.Contains("font-style:italic", message.Html, StringComparison.Ordinal);
        Assert.Contains("* month still in progress", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OddCharactersInTheStoreName_AreEscaped()
    {
        var options = new ReportEmailOptions { StoreName = "Tom & Jerry's <Shop> \"Ünïcødé\"" };

        var message = ReportEmailComposer.Compose(Store(new DateOnly(2026, 11, 23)), options, From, To, Png);

        Assert.Contains("Tom &amp; Jerry&#x27;s &lt;Shop&gt; &quot;Ünïcødé&quot;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Shop>", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RightToLeftLocale_SetsDirectionAndLocalNumbers()
    {
        var message = ReportEmailComposer.Compose(Store(new DateOnly(2026, 11, 23)), new ReportEmailOptions { Locale = "ar-SA" }, From, To, Png);

        Assert.Contains("dir=\"rtl\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar-SA\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("padding-right:20px", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_GermanLocale_UsesGermanNumberAndDateFormats()
    {
        var message = ReportEmailComposer.Compose(Store(new DateOnly(2026, 11, 23)), new ReportEmailOptions { Locale = "de-DE" }, From, To, Png);

        Assert.Contains("23. November 2026", message.Html, StringComparison.Ordinal);
        Assert.Matches(@"\d+,\d %", message.Html);
    }

    [Fact]
    public void Compose_EmptyStore_SaysSoWithoutBrokenNumbers()
    {
        var empty = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 11, 23), true, "EUR").Build();

        var message = ReportEmailComposer.Compose(empty, new ReportEmailOptions(), From, To, null);

        Assert.Equal("Retention report — 0 active customers — Nov 2026", message.Subject);
        Assert.Contains("No counted purchases yet", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:", message.Html, StringComparison.Ordinal);
        Assert.Single(message.Attachments);
    }

    [Fact]
    public void Compose_OneCohortOnly_RendersOneRowAndAnEmptyChartDescription()
    {
        var snapshot = Store(new DateOnly(2026, 6, 20), cohorts: 1);

        var message = ReportEmailComposer.Compose(snapshot, new ReportEmailOptions(), From, To, Png);

        Assert.Equal(1 + 1, HeatmapRows().Count(message.Html));
        Assert.Empty(ReportEmailComposer.ChartCurves(snapshot));
        Assert.Contains("no cohort has a complete second month yet", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartCurves_LatestSixCohortsWithACompleteSecondMonth_CompleteMonthsOnly()
    {
        var curves = ReportEmailComposer.ChartCurves(Store(new DateOnly(2026, 11, 23)));

        // October's month 1 is November, still in progress: October is not drawn yet.
        Assert.Equal(["2026-06", "2026-07", "2026-08", "2026-09"], curves.Select(c => c.Label));
        Assert.Equal([100.0, 50.0, 40.0, 30.0, 20.0], curves[0].Percent);
        Assert.Equal([100.0, 50.0], curves[^1].Percent);
    }

    [GeneratedRegex("<td width=\"33%\" valign=\"top\"")]
    private static partial Regex TileCount();

    [GeneratedRegex("<tr><td style=\"border:1px solid #e1e6eb;padding:3px 5px;(background-color:#f0f4f8;color:#52606d;\">Cohort|white-space:nowrap;)")]
    private static partial Regex HeatmapRows();
}
