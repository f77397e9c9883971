using System.Globalization;
using System.Net;
using System.Text.Json;
using Retention.Application.Reports;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;

namespace Retention.Application.Tests;

public sealed class ReportProgrammesTests
{
    private const string Heading = "Did the reward and reminder emails work?";
    private static readonly EmailAddress From = EmailAddress.Parse("reports@example.com");
    private static readonly EmailAddress[] To = [EmailAddress.Parse("owner@example.com")];

    /// <summary>Win-back: 1,877 of 7,381 treated vs 159 of 836 held out came back (25.43 % vs 19.02 %).</summary>
    private static readonly ProgrammeResult WinBack = new("win-back", 8533, 867, 7666, 7381, 1877, 836, 159,
        1877 / 7381.0, 159 / 836.0, (1877 / 7381.0) - (159 / 836.0), 0.0344, 0.0912);

    /// <summary>Too few matured decisions in the holdout for a verdict.</summary>
    private static readonly ProgrammeResult Replenishment = new("replenishment", 120, 12, 100, 80, 20, 10, 2, 0.25, 0.2, 0.05, -0.2, 0.2);

    private static RetentionSnapshot Snapshot(params ProgrammeResult[] programmes)
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 3, 15), asOfComplete: true, "EUR");
        engine.Add([new CountedPurchase(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero), 10m), new CountedPurchase(new DateTimeOffset(2026, 2, 5, 12, 0, 0, TimeSpan.Zero), 10m)]);
        return engine.Build() with { Programmes = [.. programmes] };
    }

    [Theory]
    [InlineData(0.051, "+5.1")]
    [InlineData(0.0, "+0.0")]
    [InlineData(-0.013, "−1.3")]
    [InlineData(-0.0004, "+0.0")] // rounds to 0: no minus sign on a zero
    [InlineData(0.00049, "+0.0")]
    [InlineData(0.00051, "+0.1")]
    public void Points_SignedPercentagePointsWithOneDecimal(double difference, string expected)
    {
        Assert.Equal(expected, ProgrammeLine.Points(difference, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void From_WinBack_FormatsEveryColumn()
    {
        var line = ProgrammeLine.From(WinBack, CultureInfo.InvariantCulture);

        Assert.Equal(new ProgrammeLine("win-back", "8,533", "7,666", "867", "25.4 %", "19.0 %", "+6.4 pts [+3.4, +9.1]", UpliftVerdict.Works), line);
        Assert.Equal("works", line.VerdictWords);
        Assert.Equal(8, ProgrammeLine.Headings.Count);
    }

    [Fact]
    public void From_NoMaturedHoldout_DashesAndTooEarly()
    {
        var result = new ProgrammeResult("feedback-request", 3, 0, 3, 2, 1, 0, 0, 0.5, null, null, null, null);

        var line = ProgrammeLine.From(result, CultureInfo.InvariantCulture);

        Assert.Equal(("50.0 %", "–", "–", "too early"), (line.TreatedRate, line.HoldoutRate, line.Uplift, line.VerdictWords));
    }

    [Fact]
    public void From_GermanCulture_DecimalComma()
    {
        var line = ProgrammeLine.From(WinBack, CultureInfo.GetCultureInfo("de-DE"));

        Assert.Equal(("8.533", "25,4 %", "+6,4 pts [+3,4, +9,1]"), (line.Decided, line.TreatedRate, line.Uplift));
    }

    [Fact]
    public void Compose_WithProgrammes_SectionInHtmlAndText()
    {
        var message = ReportEmailComposer.Compose(Snapshot(Replenishment, WinBack), new ReportEmailOptions(), From, To, null);

        Assert.Contains(Heading, message.Html, StringComparison.Ordinal);
        // The encoder writes "+" as a character reference; what a reader sees is the decoded text.
        Assert.Contains(">+6.4 pts [+3.4, +9.1]</td>", WebUtility.HtmlDecode(message.Html), StringComparison.Ordinal);
        Assert.Contains(">works</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains(">too early</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains(">Converted (holdout)</td>", message.Html, StringComparison.Ordinal);
        Assert.True(message.Html.IndexOf(">replenishment<", StringComparison.Ordinal) < message.Html.IndexOf(">win-back<", StringComparison.Ordinal));
        Assert.DoesNotContain("<style", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", message.Html, StringComparison.Ordinal);

        Assert.Contains(Heading, message.Text, StringComparison.Ordinal);
        Assert.Contains("- win-back: works. Decided 8,533, sent 7,666, held out 867; converted 25.4 % (treated) vs 19.0 % (holdout); uplift +6.4 pts [+3.4, +9.1]",
            message.Text, StringComparison.Ordinal);
        Assert.Contains("- replenishment: too early.", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithoutProgrammes_NoSection()
    {
        var message = ReportEmailComposer.Compose(Snapshot(), new ReportEmailOptions(), From, To, null);

        Assert.DoesNotContain(Heading, message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Heading, message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Uplift", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ProgrammeNameWithMarkup_IsEncoded()
    {
        var odd = WinBack with { Programme = "<b>win-back</b> & \"more\"" };

        var message = ReportEmailComposer.Compose(Snapshot(odd), new ReportEmailOptions(), From, To, null);

        Assert.Contains("&lt;b&gt;win-back&lt;/b&gt; &amp; &quot;more&quot;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>win-back", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_GermanLocale_ProgrammeNumbersInGermanFormat()
    {
        var message = ReportEmailComposer.Compose(Snapshot(WinBack), new ReportEmailOptions { Locale = "de-DE" }, From, To, null);

        Assert.Contains(">+6,4 pts [+3,4, +9,1]</td>", WebUtility.HtmlDecode(message.Html), StringComparison.Ordinal);
        Assert.Contains(">8.533</td>", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Programmes_CamelCaseWithPercentAndPointsToOneDecimal()
    {
        var json = JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(WinBack, Replenishment), new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent)));

        var programmes = json.RootElement.GetProperty("programmes");
        Assert.Equal(2, programmes.GetArrayLength());
        var winBack = programmes[0];
        Assert.Equal("win-back", winBack.GetProperty("programme").GetString());
        Assert.Equal(8533, winBack.GetProperty("decided").GetInt32());
        Assert.Equal(7666, winBack.GetProperty("sent").GetInt32());
        Assert.Equal(867, winBack.GetProperty("heldOut").GetInt32());
        Assert.Equal(7381, winBack.GetProperty("treatedMatured").GetInt32());
        Assert.Equal(1877, winBack.GetProperty("treatedConverted").GetInt32());
        Assert.Equal(836, winBack.GetProperty("holdoutMatured").GetInt32());
        Assert.Equal(159, winBack.GetProperty("holdoutConverted").GetInt32());
        Assert.Equal(25.4, winBack.GetProperty("treatedRatePercent").GetDouble());
        Assert.Equal(19.0, winBack.GetProperty("holdoutRatePercent").GetDouble());
        Assert.Equal(6.4, winBack.GetProperty("upliftPoints").GetDouble());
        Assert.Equal(3.4, winBack.GetProperty("upliftLowPoints").GetDouble());
        Assert.Equal(9.1, winBack.GetProperty("upliftHighPoints").GetDouble());
        Assert.Equal("works", winBack.GetProperty("verdict").GetString());
        Assert.Equal("too-early", programmes[1].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Json_NoProgrammesOrNullRates_EmptyArrayAndNulls()
    {
        var none = JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(), new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent)));
        var early = JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(new ProgrammeResult("win-back", 1, 0, 1, 0, 0, 0, 0, null, null, null, null, null)),
            new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent)));

        Assert.Equal(0, none.RootElement.GetProperty("programmes").GetArrayLength());
        var row = early.RootElement.GetProperty("programmes")[0];
        Assert.Equal(JsonValueKind.Null, row.GetProperty("treatedRatePercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("upliftLowPoints").ValueKind);
    }
}
