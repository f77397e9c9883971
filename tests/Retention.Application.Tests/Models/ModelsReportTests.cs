using System.Text.Json;
using Retention.Application.Reports;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Models;

namespace Retention.Application.Tests.Models;

public sealed class ModelsReportTests
{
    private static readonly EmailAddress From = EmailAddress.Parse("reports@example.com");
    private static readonly EmailAddress[] To = [EmailAddress.Parse("owner@example.com")];
    private static readonly ReportOptions Monthly = new(Granularity.Month, RetentionMode.On, ReportValues.Percent);

    private static RetentionSnapshot Snapshot(CustomerModelSummary? models)
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, new DateOnly(2026, 6, 30), asOfComplete: true, "USD");
        engine.Add([new CountedPurchase(new DateTimeOffset(2026, 5, 5, 12, 0, 0, TimeSpan.Zero), 10m)]);
        return engine.Build() with { Models = models };
    }

    private static readonly CustomerModelSummary Fitted = new()
    {
        Fitted = true,
        Customers = 2_357,
        RepeatCustomers = 946,
        MinimumRepeatCustomers = 200,
        R = 0.2426,
        Alpha = 4.4136,
        A = 0.7929,
        B = 2.4259,
        P = 6.2496,
        Q = 3.7442,
        Gamma = 15.4435,
        LogLikelihood = -9582.43,
        MeanProbabilityAlive = 0.71,
        ExpectedPurchases30Days = 123.4,
        TotalClv12Months = 45_678.9m,
        AnnualDiscountRate = 0.10,
        ProbabilityAliveThreshold = 0.3,
        CustomersBelowThreshold = 321,
        AtRisk =
        [
            new AtRiskCustomer(CustomerId.Parse("c-<42>"), 0.12, new DateOnly(2026, 1, 3), 12.5m, 91.67m),
            new AtRiskCustomer(CustomerId.Parse("c-7"), 0.25, new DateOnly(2025, 12, 24), 20m, 60m),
        ],
    };

    private static readonly CustomerModelSummary NotFitted = new()
    {
        Fitted = false,
        Reason = "37 repeat customers; the model needs 200 (Models:MinimumRepeatCustomers).",
        Customers = 400,
        RepeatCustomers = 37,
        MinimumRepeatCustomers = 200,
        AnnualDiscountRate = 0.10,
        ProbabilityAliveThreshold = 0.3,
    };

    [Fact]
    public void Json_WithAFit_HasTheModelsObjectWithParametersAndTheAtRiskIds()
    {
        using var json = JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(Fitted), Monthly));

        var models = json.RootElement.GetProperty("models");
        Assert.True(models.GetProperty("fitted").GetBoolean());
        Assert.Equal("week", models.GetProperty("timeUnit").GetString());
        Assert.Equal(0.2426, models.GetProperty("bgNbd").GetProperty("r").GetDouble());
        Assert.Equal(15.4435, models.GetProperty("gammaGamma").GetProperty("gamma").GetDouble());
        Assert.Equal(45_678.9m, models.GetProperty("totalClv12Months").GetDecimal());
        Assert.Equal(321, models.GetProperty("customersBelowThreshold").GetInt32());
        var first = models.GetProperty("atRisk")[0];
        Assert.Equal("c-<42>", first.GetProperty("customerId").GetString());
        Assert.Equal("2026-01-03", first.GetProperty("lastPurchase").GetString());
        Assert.Equal(91.67m, first.GetProperty("valueLost").GetDecimal());
        Assert.Equal(5, first.EnumerateObject().Count());
    }

    [Fact]
    public void Json_Fallback_HasTheReasonAndNullNumbers()
    {
        using var json = JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(NotFitted), Monthly));

        var models = json.RootElement.GetProperty("models");
        Assert.False(models.GetProperty("fitted").GetBoolean());
        Assert.Equal(NotFitted.Reason, models.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, models.GetProperty("bgNbd").GetProperty("r").ValueKind);
        Assert.Equal(JsonValueKind.Null, models.GetProperty("meanProbabilityAlive").ValueKind);
        Assert.Equal(0, models.GetProperty("atRisk").GetArrayLength());
    }

    [Fact]
    public void Json_WithoutModels_HasNullModels()
    {
        using var json = JsonDocument.Parse(ReportRenderer.JsonDocument(Snapshot(null), Monthly));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("models").ValueKind);
    }

    [Fact]
    public void Email_WithAFit_ListsTheCustomersAtRiskAndOneModelLine()
    {
        var message = ReportEmailComposer.Compose(Snapshot(Fitted), new ReportEmailOptions(), From, To, null);

        Assert.Contains("Valuable customers at risk", message.Html, StringComparison.Ordinal);
        Assert.Contains(">c-&lt;42&gt;</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains(">12 %</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains(">91.67</td>", message.Html, StringComparison.Ordinal);
        Assert.True(message.Html.IndexOf("c-&lt;42&gt;", StringComparison.Ordinal) < message.Html.IndexOf(">c-7<", StringComparison.Ordinal));
        Assert.Contains("2,357 customers, 946 bought again; about 123 purchases expected in the next 30 days; 12-month value 45,679 USD; 321 below 30 % probability alive. " +
            "BG/NBD r 0.243, α 4.414 weeks, a 0.793, b 2.426; Gamma-Gamma p 6.25, q 3.744, γ 15.444.", message.Html, StringComparison.Ordinal);
        Assert.Contains("- c-<42>: probability alive 12 %, last purchase 1/3/2026, 12-month value 12.50, value lost 91.67", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_Fallback_SaysWhyInOneLineAndListsNobody()
    {
        var message = ReportEmailComposer.Compose(Snapshot(NotFitted), new ReportEmailOptions(), From, To, null);

        var line = "No model yet: 37 repeat customers; the model needs 200 (Models:MinimumRepeatCustomers). Win-back follows the rules until then.";
        Assert.Contains(line, message.Html, StringComparison.Ordinal);
        Assert.Contains(line, message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Probability alive</td>", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_WithoutModels_HasNoSection()
    {
        var message = ReportEmailComposer.Compose(Snapshot(null), new ReportEmailOptions(), From, To, null);

        Assert.DoesNotContain("Valuable customers at risk", message.Html + message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_GermanLocale_FormatsNumbersAndDatesInIt()
    {
        var message = ReportEmailComposer.Compose(Snapshot(Fitted), new ReportEmailOptions { Locale = "de-DE" }, From, To, null);

        Assert.Contains(">91,67</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains(">03.01.2026</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains("r 0,243", message.Text, StringComparison.Ordinal);
    }
}
