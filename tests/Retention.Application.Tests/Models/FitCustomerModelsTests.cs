using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retention.Application.Models;
using Retention.Application.Reports;
using Retention.Domain.Calendar;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Models;

namespace Retention.Application.Tests.Models;

public sealed class FitCustomerModelsTests
{
    /// <summary>The end of store day 2026-06-30 in UTC.</summary>
    private static readonly DateTimeOffset End = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly EndDay = new(2026, 6, 30);

    private readonly FakeLedger _ledger = new();
    private readonly FakePredictions _saved = new();

    private FitCustomerModels Use(ModelOptions? options = null, string zone = "UTC", string currency = "USD") =>
        new(_ledger,
            new RetentionCalculator(_ledger, Options.Create(new StoreOptions { TimeZone = zone, Currency = currency }), new FakeTimeProvider(End.AddDays(30))),
            _saved,
            Options.Create(new StoreOptions { TimeZone = zone, Currency = currency }),
            Options.Create(options ?? new ModelOptions()),
            NullLogger<FitCustomerModels>.Instance);

    /// <summary>
    /// <paramref name="count"/> customers from the CDNOW parameters, first purchase in the 52 weeks before the end,
    /// purchases simulated 13 weeks past it (those must be ignored). Returns every customer's orders.
    /// </summary>
    private Dictionary<CustomerId, List<(DateTimeOffset At, decimal Amount)>> Populate(int count, int seed = 8, string currency = "USD")
    {
        var simulation = new PurchaseSimulation(seed);
        var all = new Dictionary<CustomerId, List<(DateTimeOffset, decimal)>>();
        for (var i = 0; i < count; i++)
        {
            var first = End.AddDays(-simulation.Uniform(0, 364));
            var orders = simulation.Customer(first, End.AddDays(91));
            all[PurchaseSimulation.Id(i)] = orders;
            _ledger.Add(PurchaseSimulation.Id(i), orders, currency);
        }
        return all;
    }

    private static DateTimeOffset Day(int y, int m, int d, int hour = 12) => new(y, m, d, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_FewerRepeatCustomersThanTheSetting_FallsBackWithTheReason()
    {
        for (var i = 0; i < 137; i++)
        {
            _ledger.Add(PurchaseSimulation.Id(i), i < 37 ? [(Day(2026, 1, 5), 10m), (Day(2026, 3, 5), 12m)] : [(Day(2026, 2, 5), 10m)]);
        }

        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        Assert.False(run.Fitted);
        Assert.Equal("37 repeat customers; the model needs 200 (Models:MinimumRepeatCustomers).", run.Reason);
        Assert.Equal((137, 37), (run.Customers, run.RepeatCustomers));
        Assert.Empty(run.Predictions);
        Assert.Empty(run.AtRisk);
        Assert.Empty(_saved.Saved);
        Assert.Null(run.PurchaseModel);
        Assert.Null(run.ProbabilityAlive(PurchaseSimulation.Id(0)));
        Assert.Null(run.IsLapsed(PurchaseSimulation.Id(0)));
        var summary = run.Summary;
        Assert.False(summary.Fitted);
        Assert.Equal(run.Reason, summary.Reason);
        Assert.Equal(200, summary.MinimumRepeatCustomers);
        Assert.All(new double?[] { summary.R, summary.Alpha, summary.A, summary.B, summary.P, summary.Q, summary.Gamma, summary.LogLikelihood, summary.MeanProbabilityAlive, summary.ExpectedPurchases30Days }, Assert.Null);
        Assert.Null(summary.TotalClv12Months);
        Assert.Empty(summary.AtRisk);
    }

    [Fact]
    public async Task Execute_OneRepeatCustomerShort_FallsBackInTheSingular()
    {
        _ledger.Add(PurchaseSimulation.Id(1), [(Day(2026, 1, 5), 10m), (Day(2026, 3, 5), 12m)]);

        var run = await Use(new ModelOptions { MinimumRepeatCustomers = 2 }).ExecuteAsync(End, CancellationToken.None);

        Assert.Equal("1 repeat customer; the model needs 2 (Models:MinimumRepeatCustomers).", run.Reason);
    }

    [Fact]
    public async Task Execute_ExactlyTheMinimumRepeatCustomers_FitsAndOneMoreFallsBack()
    {
        Populate(1_500);
        var repeaters = (await Use(new ModelOptions { MinimumRepeatCustomers = 100_000 }).ExecuteAsync(End, CancellationToken.None)).RepeatCustomers;

        var atMinimum = await Use(new ModelOptions { MinimumRepeatCustomers = repeaters }).ExecuteAsync(End, CancellationToken.None);
        var oneShort = await Use(new ModelOptions { MinimumRepeatCustomers = repeaters + 1 }).ExecuteAsync(End, CancellationToken.None);

        Assert.InRange(repeaters, 200, 1_000);
        Assert.True(atMinimum.Fitted, atMinimum.Reason);
        Assert.False(oneShort.Fitted);
        Assert.StartsWith($"{repeaters:N0} repeat customers; the model needs {repeaters + 1:N0}", oneShort.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SimulatedStore_RecoversTheParametersScoresAndSavesEveryCustomer()
    {
        Populate(6_000);

        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        Assert.True(run.Fitted, run.Reason);
        Assert.Null(run.Reason);
        Assert.Equal(EndDay, run.AsOf);
        Assert.Equal(6_000, run.Customers);
        // Whole store days instead of exact times shift the estimate a little; the truth stays within a few standard errors.
        foreach (var (estimate, truth) in run.PurchaseParameters.Zip([0.243, 4.414, 0.793, 2.426]))
        {
            Assert.InRange(truth, estimate.Value - (4 * estimate.StandardError!.Value), estimate.Value + (4 * estimate.StandardError.Value));
        }
        foreach (var (estimate, truth) in run.SpendParameters.Zip([6.25, 3.74, 15.44]))
        {
            Assert.InRange(truth, estimate.Value - (4 * estimate.StandardError!.Value), estimate.Value + (4 * estimate.StandardError.Value));
        }
        var (asOf, saved) = Assert.Single(_saved.Saved);
        Assert.Equal(EndDay, asOf);
        Assert.Same(run.Predictions, saved);
        Assert.Equal(6_000, run.Predictions.Count);
        Assert.All(run.Predictions.Values, p =>
        {
            Assert.InRange(p.ProbabilityAlive, 0, 1);
            Assert.True(double.IsFinite(p.ExpectedPurchases30Days) && p.ExpectedPurchases30Days >= 0);
            Assert.InRange(p.ExpectedPurchases90Days, p.ExpectedPurchases30Days, 1_000);
            Assert.True(p.Clv12Months >= 0 && p.ValueLost >= 0);
            Assert.True(p.NextOrderDue is null || (p.NextOrderDue > EndDay && p.NextOrderDue <= EndDay.AddDays(CustomerScorer.MaxNextOrderDays)));
            Assert.True(p.LastPurchase <= EndDay);
            Assert.Equal(1.0, p.RepeatPurchases == 0 ? p.ProbabilityAlive : 1.0);
        });
        var summary = run.Summary;
        Assert.True(summary.Fitted);
        Assert.Equal(run.PurchaseModel!.R, summary.R);
        Assert.Equal(run.SpendModel!.Gamma, summary.Gamma);
        Assert.Equal(run.Predictions.Values.Average(p => p.ProbabilityAlive), summary.MeanProbabilityAlive!.Value, 9);
        Assert.Equal(run.Predictions.Values.Sum(p => p.ExpectedPurchases30Days), summary.ExpectedPurchases30Days!.Value, 6);
        Assert.True(Math.Abs(run.Predictions.Values.Sum(p => p.Clv12Months) - summary.TotalClv12Months!.Value) <= 6_000 * 0.005m);
        Assert.Equal(run.Predictions.Values.Count(p => p.ProbabilityAlive < 0.3), summary.CustomersBelowThreshold);
        Assert.True(summary.CustomersBelowThreshold > 0);
        Assert.Equal(10, summary.AtRisk.Length);
    }

    [Fact]
    public async Task Execute_Predictions_EqualTheDomainFunctionsForEachCustomer()
    {
        var orders = Populate(3_000, seed: 11);

        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        var split = CalibrationHoldout.Build(
            orders.SelectMany(c => c.Value.Where(o => o.At < End).Select(o => new CustomerTransaction(c.Key, StoreCalendar.Utc.DayOf(o.At), o.Amount))),
            EndDay, ModelTimeUnit.Week, EndDay);
        var purchases = run.PurchaseModel!;
        var spend = run.SpendModel!;
        var horizon = ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.10);
        Assert.Equal(split.Customers.Length, run.Predictions.Count);
        foreach (var customer in split.Customers)
        {
            var prediction = run.Predictions[customer.Customer];
            var history = customer.History;
            Assert.Equal(history.Frequency, prediction.RepeatPurchases);
            Assert.Equal(purchases.ProbabilityAlive(history), prediction.ProbabilityAlive, 12);
            Assert.Equal(purchases.ExpectedPurchases(history, 30 / 7.0), prediction.ExpectedPurchases30Days, 10);
            Assert.Equal(purchases.ExpectedPurchases(history, 90 / 7.0), prediction.ExpectedPurchases90Days, 10);
            var clv = CustomerLifetimeValue.Compute(purchases, spend, history, customer.Spend, horizon)!.Value;
            Assert.True(Math.Abs(Math.Round(clv, 2) - prediction.Clv12Months) <= 0.01m, $"{clv} vs {prediction.Clv12Months}");
            if (prediction.ProbabilityAlive > 0.01)
            {
                var ifAlive = clv / (decimal)prediction.ProbabilityAlive;
                Assert.True(Math.Abs(ifAlive - clv - prediction.ValueLost) <= 0.011m + (ifAlive * 1e-9m), $"{ifAlive - clv} vs {prediction.ValueLost}");
            }
            var lastDay = customer.FirstPurchase.AddDays((int)Math.Round(history.Recency * 7));
            Assert.Equal(lastDay, prediction.LastPurchase);
            // Median of the next purchase time if alive: ((α+T)/(α+T+t))^(r+x) = 1/2.
            var weeks = (purchases.Alpha + history.Age) * (Math.Pow(2, 1 / (purchases.R + history.Frequency)) - 1);
            var expectedDue = weeks * 7 <= CustomerScorer.MaxNextOrderDays ? EndDay.AddDays(Math.Max(1, (int)Math.Ceiling(weeks * 7))) : (DateOnly?)null;
            Assert.Equal(expectedDue, prediction.NextOrderDue);
        }
    }

    [Fact]
    public async Task Execute_AtRiskList_IsTheTopByValueLostWithTiesByIdAndOnlyIds()
    {
        Populate(2_000, seed: 5);
        // Three identical big spenders who bought weekly for 20 weeks and then stopped 30 weeks ago: gone, probably.
        foreach (var id in new[] { "tie-b", "tie-a", "tie-c" })
        {
            _ledger.Add(CustomerId.Parse(id), Enumerable.Range(0, 20).Select(w => (Day(2025, 7, 1).AddDays(7 * w), 400m)));
        }

        var run = await Use(new ModelOptions { AtRiskListSize = 7 }).ExecuteAsync(End, CancellationToken.None);

        var expected = run.Predictions
            .Where(p => p.Value.ValueLost > 0)
            .OrderByDescending(p => p.Value.ValueLost).ThenBy(p => p.Key.Value, StringComparer.Ordinal)
            .Take(7)
            .Select(p => new AtRiskCustomer(p.Key, p.Value.ProbabilityAlive, p.Value.LastPurchase, p.Value.Clv12Months, p.Value.ValueLost))
            .ToList();
        Assert.Equal(expected, run.AtRisk);
        Assert.Equal(expected, run.Summary.AtRisk);
        Assert.Equal(["tie-a", "tie-b", "tie-c"], run.AtRisk.Take(3).Select(c => c.CustomerId.Value));
        Assert.True(run.AtRisk[0].ProbabilityAlive < 0.3);
        Assert.Equal(new DateOnly(2025, 7, 1).AddDays(7 * 19), run.AtRisk[0].LastPurchase);
        Assert.True(run.IsLapsed(CustomerId.Parse("tie-a")));
        Assert.Equal(run.Predictions[CustomerId.Parse("tie-a")].ProbabilityAlive, run.ProbabilityAlive(CustomerId.Parse("tie-a")));
    }

    [Fact]
    public async Task Execute_AtRiskListSizeZero_ScoresButListsNobody()
    {
        Populate(1_500);

        var run = await Use(new ModelOptions { AtRiskListSize = 0 }).ExecuteAsync(End, CancellationToken.None);

        Assert.True(run.Fitted);
        Assert.Empty(run.AtRisk);
    }

    [Fact]
    public async Task Execute_OneTimeBuyer_IsNeverJudgedLapsedByTheModel()
    {
        Populate(1_500);
        _ledger.Add(CustomerId.Parse("once"), [(Day(2025, 8, 1), 50m)]);

        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        var once = run.Predictions[CustomerId.Parse("once")];
        Assert.Equal(1.0, once.ProbabilityAlive);
        Assert.Equal(0m, once.ValueLost);
        Assert.Null(run.IsLapsed(CustomerId.Parse("once")));
        Assert.Null(run.IsLapsed(CustomerId.Parse("never-bought")));
        Assert.Null(run.RepeatCustomerProbabilityAlive(CustomerId.Parse("once")));
        Assert.Equal(1.0, run.ProbabilityAlive(CustomerId.Parse("once")));
        var repeat = run.Predictions.First(p => p.Value.RepeatPurchases > 0);
        Assert.Equal(repeat.Value.ProbabilityAlive, run.RepeatCustomerProbabilityAlive(repeat.Key));
    }

    [Fact]
    public async Task Execute_OrdersAfterTheAsOfInstant_AreIgnored()
    {
        Populate(1_500);
        _ledger.Add(CustomerId.Parse("later"), [(End, 30m), (End.AddDays(3), 30m)]);
        _ledger.Add(CustomerId.Parse("edge"), [(End.AddDays(-40), 30m), (End.AddTicks(-1), 30m), (End, 30m)]);

        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        Assert.False(run.Predictions.ContainsKey(CustomerId.Parse("later")));
        Assert.Equal(1_501, run.Customers);
        var edge = run.Predictions[CustomerId.Parse("edge")];
        Assert.Equal((1, EndDay), (edge.RepeatPurchases, edge.LastPurchase));
    }

    [Fact]
    public async Task Execute_PurchasesOnOneStoreDay_AreOnePurchaseInTheStoreZone()
    {
        Populate(1_500);
        // 22:30 and 23:30 UTC on 10 January: one UTC day, but 23:30 on the 10th and 00:30 on the 11th in Berlin.
        _ledger.Add(CustomerId.Parse("night-owl"), [(Day(2026, 1, 2), 20m), (Day(2026, 1, 10, 22).AddMinutes(30), 20m), (Day(2026, 1, 10, 23).AddMinutes(30), 20m)]);

        var utc = await Use().ExecuteAsync(End, CancellationToken.None);
        var berlin = await Use(zone: "Europe/Berlin").ExecuteAsync(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)), CancellationToken.None);

        Assert.Equal(1, utc.Predictions[CustomerId.Parse("night-owl")].RepeatPurchases);
        Assert.Equal(2, berlin.Predictions[CustomerId.Parse("night-owl")].RepeatPurchases);
        Assert.Equal(new DateOnly(2026, 1, 11), berlin.Predictions[CustomerId.Parse("night-owl")].LastPurchase);
        Assert.Equal(EndDay, berlin.AsOf);
    }

    [Fact]
    public async Task Execute_SpendInOtherCurrencies_CountsAsPurchasesWithNoValue()
    {
        Populate(1_500, currency: "EUR");

        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        Assert.True(run.Fitted, run.Reason);
        Assert.Null(run.SpendModel);
        Assert.Empty(run.SpendParameters);
        Assert.Contains("Gamma-Gamma not fitted", run.Note, StringComparison.Ordinal);
        Assert.Contains("mean repeat purchase value, 0.00", run.Note, StringComparison.Ordinal);
        Assert.All(run.Predictions.Values, p => Assert.Equal((0m, 0m), (p.Clv12Months, p.ValueLost)));
        Assert.Empty(run.AtRisk);
        Assert.Null(run.Summary.P);
        Assert.Equal(0m, run.Summary.TotalClv12Months);
    }

    public static TheoryData<string, int> DegenerateStores() => new()
    {
        { "one-time buyers", 1 },
        { "one customer", 1 },
        { "identical dates", 1 },
        { "identical histories", 5 },
        { "huge frequencies", 5 },
        { "everyone first bought on the last day", 1 },
    };

    [Theory]
    [MemberData(nameof(DegenerateStores))]
    public async Task Execute_DegenerateStore_GivesAClearReasonOrASaneFitAndNeverNaN(string store, int minimumRepeatCustomers)
    {
        switch (store)
        {
            case "one-time buyers":
                for (var i = 0; i < 500; i++)
                {
                    _ledger.Add(PurchaseSimulation.Id(i), [(Day(2026, 1, 1).AddDays(i % 180), 25m)]);
                }
                break;
            case "one customer":
                _ledger.Add(PurchaseSimulation.Id(1), [(Day(2026, 1, 5), 10m), (Day(2026, 2, 5), 10m), (Day(2026, 3, 5), 10m)]);
                break;
            case "identical dates":
                for (var i = 0; i < 300; i++)
                {
                    _ledger.Add(PurchaseSimulation.Id(i), [(Day(2026, 3, 3), 10m), (Day(2026, 3, 3), 15m), (Day(2026, 3, 3, 18), 5m)]);
                }
                break;
            case "identical histories":
                for (var i = 0; i < 300; i++)
                {
                    _ledger.Add(PurchaseSimulation.Id(i), [(Day(2026, 3, 3), 10m), (Day(2026, 3, 10), 10m), (Day(2026, 3, 17), 10m)]);
                }
                break;
            case "huge frequencies":
                for (var i = 0; i < 60; i++)
                {
                    var days = i < 3 ? 180 : 1 + (i % 4);
                    _ledger.Add(PurchaseSimulation.Id(i), Enumerable.Range(0, days).Select(d => (Day(2026, 1, 1).AddDays(d + i), 10m + i)));
                }
                break;
            default:
                for (var i = 0; i < 100; i++)
                {
                    _ledger.Add(PurchaseSimulation.Id(i), [(Day(2026, 6, 30, 9), 10m + i), (Day(2026, 6, 30, 15), 5m)]);
                }
                break;
        }

        var run = await Use(new ModelOptions { MinimumRepeatCustomers = minimumRepeatCustomers }).ExecuteAsync(End, CancellationToken.None);

        Assert.True(run.Fitted || !string.IsNullOrWhiteSpace(run.Reason), store);
        AssertNoNaN(run);
        var snapshot = Snapshot() with { Models = run.Summary };
        Assert.DoesNotContain("NaN", ReportRenderer.JsonDocument(snapshot, new ReportOptions(Granularity.Month, RetentionMode.On, ReportValues.Percent)), StringComparison.Ordinal);
        var email = ReportEmailComposer.Compose(snapshot, new ReportEmailOptions(), EmailAddress.Parse("r@example.com"), [EmailAddress.Parse("o@example.com")], null);
        Assert.DoesNotContain("NaN", email.Html + email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", email.Html + email.Text, StringComparison.Ordinal);
        if (store is "one-time buyers" or "identical dates")
        {
            Assert.Equal("0 repeat customers; the model needs 1 (Models:MinimumRepeatCustomers).", run.Reason);
        }
        if (store == "one customer")
        {
            Assert.StartsWith("BG/NBD could not be fitted: Only 1 customers", run.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Execute_EmptyStore_FallsBack()
    {
        var run = await Use().ExecuteAsync(End, CancellationToken.None);

        Assert.False(run.Fitted);
        Assert.Equal((0, 0), (run.Customers, run.RepeatCustomers));
        AssertNoNaN(run);
    }

    [Theory]
    [InlineData(nameof(ModelOptions.MinimumRepeatCustomers), 0, "Models:MinimumRepeatCustomers")]
    [InlineData(nameof(ModelOptions.ProbabilityAliveThreshold), 1.0, "Models:ProbabilityAliveThreshold")]
    [InlineData(nameof(ModelOptions.ProbabilityAliveThreshold), 0.0, "Models:ProbabilityAliveThreshold")]
    [InlineData(nameof(ModelOptions.AtRiskListSize), -1, "Models:AtRiskListSize")]
    [InlineData(nameof(ModelOptions.AnnualDiscountRate), -0.1, "Models:AnnualDiscountRate")]
    public void ModelOptions_OutOfRange_FailsNamingTheSetting(string property, double value, string setting)
    {
        var options = new ModelOptions();
        var target = typeof(ModelOptions).GetProperty(property)!;
        target.SetValue(options, target.PropertyType == typeof(int) ? (object)(int)value : value);
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(setting, Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
        var defaults = new ModelOptions();
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), [], validateAllProperties: true));
    }

    private static void AssertNoNaN(CustomerModelRun run)
    {
        var s = run.Summary;
        foreach (var value in new double?[] { s.R, s.Alpha, s.A, s.B, s.P, s.Q, s.Gamma, s.LogLikelihood, s.MeanProbabilityAlive, s.ExpectedPurchases30Days, run.LogLikelihood })
        {
            Assert.True(value is null || double.IsFinite(value.Value));
        }
        Assert.All(run.PurchaseParameters.Concat(run.SpendParameters), p => Assert.True(double.IsFinite(p.Value) && (p.StandardError is null || double.IsFinite(p.StandardError.Value)), p.Name));
        Assert.All(run.Predictions.Values, p =>
        {
            Assert.InRange(p.ProbabilityAlive, 0, 1);
            Assert.True(double.IsFinite(p.ExpectedPurchases30Days) && double.IsFinite(p.ExpectedPurchases90Days));
        });
        Assert.Equal(s.Fitted, run.Fitted);
    }

    private static RetentionSnapshot Snapshot()
    {
        var engine = new RetentionEngine(StoreCalendar.Utc, EndDay, asOfComplete: true, "USD");
        engine.Add([new CountedPurchase(Day(2026, 5, 5), 10m)]);
        return engine.Build();
    }
}
