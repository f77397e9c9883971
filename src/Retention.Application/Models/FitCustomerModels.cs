using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Ports;
using Retention.Application.Reports;
using Retention.Domain.Customers;
using Retention.Domain.Models;

namespace Retention.Application.Models;

/// <summary>
/// The nightly customer-base models: reads every customer summary, builds each customer's (x, t_x, T, m_x) with time in
/// weeks the way <c>retention model</c> does (<see cref="CalibrationHoldout"/>: purchases on one store day are one
/// purchase, the first day is not a repeat), and, when at least <see cref="ModelOptions.MinimumRepeatCustomers"/>
/// customers bought again, fits BG/NBD and Gamma-Gamma, scores every customer, stores the predictions
/// (<see cref="ICustomerPredictions"/>) and ranks the at-risk list. Otherwise it returns the fallback: no fit, a reason
/// naming the setting, no predictions; the rules keep deciding win-back. Self-contained: it neither stores the snapshot
/// nor decides any message. Handles a million customers (see docs/benchmarks.md).
/// </summary>
public sealed partial class FitCustomerModels(
    IOrderLedger ledger,
    RetentionCalculator calculator,
    ICustomerPredictions predictionStore,
    IOptions<StoreOptions> store,
    IOptions<ModelOptions> options,
    ILogger<FitCustomerModels> logger)
{
    /// <summary>The unit of t_x, T and α. Weeks, as in the published CDNOW results.</summary>
    public const ModelTimeUnit Unit = ModelTimeUnit.Week;

    /// <summary>Customers summarised per call of <see cref="CalibrationHoldout.Build"/>: bounds the transactions held at once.</summary>
    private const int SummaryBatch = 4_096;

    /// <param name="asOf">The end of the calibration period, an instant: counted purchases before it are used, and the
    /// calibration's last day is the store day just before it. For the end of store day <c>d</c> pass
    /// <c>calculator.Calendar.StartOf(d.AddDays(1))</c>, as the nightly job does for the reward rules.</param>
    public async Task<CustomerModelRun> ExecuteAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var calendar = calculator.Calendar;
        var day = calendar.DayOf(asOf.AddTicks(-1));
        var started = Stopwatch.GetTimestamp();
        var customers = await ReadCustomersAsync(asOf, day, cancellationToken);
        var read = Stopwatch.GetElapsedTime(started);
        var repeaters = customers.Count(c => c.History.Frequency > 0);
        var context = new RunContext(day, settings, customers.Count, repeaters, read);

        if (repeaters < settings.MinimumRepeatCustomers)
        {
            return Fallback(context, string.Create(CultureInfo.InvariantCulture,
                $"{repeaters:N0} repeat {(repeaters == 1 ? "customer" : "customers")}; the model needs {settings.MinimumRepeatCustomers:N0} (Models:MinimumRepeatCustomers)."));
        }

        started = Stopwatch.GetTimestamp();
        // The fitters keep their own floor of customers (20) even when the setting is lower.
        var fitOptions = new FitOptions { MinimumRepeatCustomers = settings.MinimumRepeatCustomers };
        RepeatHistory[] histories = [.. customers.Select(c => c.History)];
        RepeatSpend[] spends = [.. customers.Select(c => c.Spend)];
        // Independent, single-threaded fits: one core each.
        var purchaseFit = Task.Run(() => BgNbdFitter.Fit(histories, fitOptions), cancellationToken);
        var spendFit = Task.Run(() => GammaGammaFitter.Fit(spends, fitOptions), cancellationToken);
        await Task.WhenAll(purchaseFit, spendFit);
        context = context with { Fit = Stopwatch.GetElapsedTime(started) };
        if (await purchaseFit is not ModelFit<BgNbdModel>.Fitted purchases)
        {
            return Fallback(context, "BG/NBD could not be fitted: " + ((ModelFit<BgNbdModel>.NotFitted)await purchaseFit).Reason);
        }
        if (Untrusted(purchases) is { } problem)
        {
            return Fallback(context, problem);
        }

        var (expectedSpend, spendNote) = ExpectedSpend(await spendFit, customers);
        started = Stopwatch.GetTimestamp();
        CustomerScorer.Scores scores;
        try
        {
            scores = CustomerScorer.Score(customers, purchases.Model, expectedSpend, day, Unit, settings.AnnualDiscountRate,
                settings.ProbabilityAliveThreshold, settings.AtRiskListSize, cancellationToken);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is ArgumentOutOfRangeException))
        {
            return Fallback(context, "The fitted BG/NBD cannot predict 12 months ahead: " + ex.InnerExceptions[0].Message);
        }
        var lookup = new Dictionary<CustomerId, CustomerPrediction>(customers.Count);
        for (var i = 0; i < customers.Count; i++)
        {
            lookup.Add(customers[i].Customer, scores.Predictions[i]);
        }
        var atRisk = scores.AtRisk.Select(i => AtRisk(customers[i].Customer, scores.Predictions[i])).ToImmutableArray();
        context = context with { Score = Stopwatch.GetElapsedTime(started) };

        started = Stopwatch.GetTimestamp();
        await predictionStore.SaveAsync(day, lookup, cancellationToken);
        context = context with { Save = Stopwatch.GetElapsedTime(started) };

        var spend = await spendFit as ModelFit<GammaGammaModel>.Fitted;
        var note = Join(purchases.Note, spend?.Note, spendNote);
        var count = Math.Max(1, customers.Count);
        var summary = new CustomerModelSummary
        {
            Fitted = true,
            Note = note,
            Customers = customers.Count,
            RepeatCustomers = repeaters,
            MinimumRepeatCustomers = settings.MinimumRepeatCustomers,
            R = purchases.Model.R,
            Alpha = purchases.Model.Alpha,
            A = purchases.Model.A,
            B = purchases.Model.B,
            P = spend?.Model.P,
            Q = spend?.Model.Q,
            Gamma = spend?.Model.Gamma,
            LogLikelihood = purchases.LogLikelihood,
            MeanProbabilityAlive = scores.SumProbabilityAlive / count,
            ExpectedPurchases30Days = scores.SumExpectedPurchases30Days,
            TotalClv12Months = Math.Round((decimal)scores.TotalClv, 2),
            AnnualDiscountRate = settings.AnnualDiscountRate,
            ProbabilityAliveThreshold = settings.ProbabilityAliveThreshold,
            CustomersBelowThreshold = scores.BelowThreshold,
            AtRisk = atRisk,
        };
        var timings = context.Timings;
        LogFitted(day, customers.Count, repeaters, purchases.Model.R, purchases.Model.Alpha, purchases.Model.A, purchases.Model.B, timings.Total.TotalMilliseconds);
        return new CustomerModelRun(day, true, null, note, purchases.Model, spend?.Model, purchases.Parameters, spend?.Parameters ?? [],
            purchases.LogLikelihood, customers.Count, repeaters, settings.ProbabilityAliveThreshold, lookup, atRisk, summary, timings);
    }

    /// <summary>Every customer with a counted purchase before <paramref name="asOf"/>, summarised as of <paramref name="day"/>.</summary>
    private async Task<List<CalibrationCustomer>> ReadCustomersAsync(DateTimeOffset asOf, DateOnly day, CancellationToken cancellationToken)
    {
        var calendar = calculator.Calendar;
        var currency = store.Value.Currency;
        var customers = new List<CalibrationCustomer>();
        var transactions = new List<CustomerTransaction>();
        var inBatch = 0;
        void Flush()
        {
            if (transactions.Count > 0)
            {
                customers.AddRange(CalibrationHoldout.Build(transactions, day, Unit, day).Customers);
                transactions.Clear();
            }
            inBatch = 0;
        }
        await foreach (var summary in ledger.ReadAllCustomersAsync(cancellationToken))
        {
            var before = transactions.Count;
            foreach (var order in summary.CountedOrders)
            {
                if (order.PurchasedAt < asOf)
                {
                    // Spend counts the store currency only, as the revenue metrics do: an order in another currency is a
                    // purchase day with no value.
                    var amount = order.NetTotal.Currency.Code == currency ? order.NetTotal.Amount : 0m;
                    transactions.Add(new CustomerTransaction(summary.CustomerId, calendar.DayOf(order.PurchasedAt), amount));
                }
            }
            if (transactions.Count > before && ++inBatch == SummaryBatch)
            {
                Flush();
            }
        }
        Flush();
        return customers;
    }

    /// <summary>A fit the nightly job should not act on: the optimiser stopped early, or a parameter is not identified.</summary>
    private static string? Untrusted(ModelFit<BgNbdModel>.Fitted fit)
    {
        if (!fit.Converged)
        {
            return "The BG/NBD fit did not converge, so its predictions are not used: " + fit.Note;
        }
        var unidentified = fit.Parameters.Where(p => Math.Abs(Math.Log(p.Value)) > 29).Select(p => p.Name).ToList();
        return unidentified.Count > 0
            ? $"The data do not identify BG/NBD's {string.Join(", ", unidentified)} (at the edge of the search range), so its predictions are not used."
            : null;
    }

    /// <summary>
    /// E[M] per customer: Gamma-Gamma's conditional expectation when it was fitted and finite, otherwise the store's mean
    /// value of a repeat purchase day (and a note saying so).
    /// </summary>
    private static (Func<RepeatSpend, decimal> Spend, string? Note) ExpectedSpend(ModelFit<GammaGammaModel> fit, List<CalibrationCustomer> customers)
    {
        long days = 0;
        var total = 0m;
        foreach (var customer in customers)
        {
            days += customer.History.Frequency;
            total += customer.MeanRepeatSpend * customer.History.Frequency;
        }
        var storeMean = days > 0 ? Math.Max(0m, total / days) : 0m;
        var mean = storeMean.ToString("0.00", CultureInfo.InvariantCulture);
        return fit switch
        {
            ModelFit<GammaGammaModel>.Fitted spend when spend.Model.Q > 1 => (s => spend.Model.ConditionalExpectedAverageSpend(s) ?? storeMean, null),
            ModelFit<GammaGammaModel>.Fitted => (_ => storeMean,
                $"Gamma-Gamma's q ≤ 1 (no finite mean spend), so CLV uses the store's mean repeat purchase value, {mean}"),
            ModelFit<GammaGammaModel>.NotFitted notFitted => (_ => storeMean,
                $"Gamma-Gamma not fitted ({notFitted.Reason.TrimEnd('.')}), so CLV uses the store's mean repeat purchase value, {mean}"),
            _ => throw new InvalidOperationException("Unknown fit result."),
        };
    }

    private CustomerModelRun Fallback(RunContext context, string reason)
    {
        var settings = context.Settings;
        LogFallback(context.Day, context.Customers, context.Repeaters, reason);
        var summary = new CustomerModelSummary
        {
            Fitted = false,
            Reason = reason,
            Customers = context.Customers,
            RepeatCustomers = context.Repeaters,
            MinimumRepeatCustomers = settings.MinimumRepeatCustomers,
            AnnualDiscountRate = settings.AnnualDiscountRate,
            ProbabilityAliveThreshold = settings.ProbabilityAliveThreshold,
        };
        return new CustomerModelRun(context.Day, false, reason, null, null, null, [], [], null, context.Customers, context.Repeaters,
            settings.ProbabilityAliveThreshold, new Dictionary<CustomerId, CustomerPrediction>(), [], summary, context.Timings);
    }

    private static AtRiskCustomer AtRisk(CustomerId customer, CustomerPrediction prediction) =>
        new(customer, prediction.ProbabilityAlive, prediction.LastPurchase, prediction.Clv12Months, prediction.ValueLost);

    private static string? Join(params string?[] notes)
    {
        var parts = notes.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim().TrimEnd('.')).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts) + ".";
    }

    private sealed record RunContext(DateOnly Day, ModelOptions Settings, int Customers, int Repeaters, TimeSpan Read)
    {
        public TimeSpan Fit { get; init; }
        public TimeSpan Score { get; init; }
        public TimeSpan Save { get; init; }
        public ModelRunTimings Timings => new(Read, Fit, Score, Save);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Customer models as of {AsOf}: {Customers} customers, {RepeatCustomers} repeat; BG/NBD r={R:F3} alpha={Alpha:F3} a={A:F3} b={B:F3}; {ElapsedMs:F0} ms")]
    private partial void LogFitted(DateOnly asOf, int customers, int repeatCustomers, double r, double alpha, double a, double b, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer models as of {AsOf} not fitted ({Customers} customers, {RepeatCustomers} repeat): {Reason}")]
    private partial void LogFallback(DateOnly asOf, int customers, int repeatCustomers, string reason);
}
