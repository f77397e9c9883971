using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Retention.Application;
using Retention.Application.Ingest;
using Retention.Application.Models;
using Retention.Application.Ports;
using Retention.Application.Reports;
using Retention.DevServers;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Models;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Infrastructure;
using Retention.Infrastructure.Storage;

namespace Retention.Benchmarks;

/// <summary>
/// The nightly customer-base models (<see cref="FitCustomerModels"/>) on a synthetic store drawn from known parameters
/// (CDNOW's published BG/NBD and Gamma-Gamma estimates, weeks, seeded): customer summaries in memory, read, summarised
/// per store day, fitted and scored, predictions handed to a store that only counts them. Baselines in the same run:
/// one evaluation of the BG/NBD log-likelihood over every customer (what each optimiser step would cost without
/// compressing identical histories), and scoring every customer with the domain functions one by one (P(alive),
/// E[Y(30 d)], E[Y(90 d)], 12-month CLV). Prints the times and the parameter error. Then writes the first --save
/// predictions to the predictions table in Azurite against bare 100-entity transactions of the same keys.
/// Options: --customers N (default 1,000,000), --seed N (default 20,051), --save N (default 100,000; 0: skip).
/// </summary>
internal static class ModelBenchmark
{
    // CDNOW, time in weeks (Fader, Hardie & Lee 2005; Fader & Hardie note 025).
    private static readonly (string Name, double Value)[] Truth =
        [("r", 0.243), ("alpha", 4.414), ("a", 0.793), ("b", 2.426), ("p", 6.25), ("q", 3.74), ("gamma", 15.44)];

    /// <summary>Customers whose exact-time histories are fitted for comparison (all distinct, so no compression).</summary>
    private const int ExactSample = 200_000;

    private static readonly DateTimeOffset End = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Options.Int(args, "--customers", 1_000_000);
        var seed = Options.Int(args, "--seed", 20_051);
        var save = args.Contains("--save") && args.SkipWhile(a => a != "--save").Skip(1).FirstOrDefault() == "0" ? 0 : Options.Int(args, "--save", 100_000);
        Machine.Print();

        var drawing = Stopwatch.StartNew();
        var store = Draw(count, seed);
        Console.WriteLine(Invariant($"Drew {count:N0} customers ({store.Orders:N0} orders, first purchases over the 52 weeks before {End.AddDays(-1):yyyy-MM-dd}) in {drawing.Elapsed.TotalSeconds:0.0} s"));

        // Warm-up on a small store, so that the measured run does not pay for JIT.
        await Use(Draw(20_000, seed + 1), new CountingPredictions()).ExecuteAsync(End, CancellationToken.None);

        var saved = new CountingPredictions();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var run = await Use(store, saved).ExecuteAsync(End, CancellationToken.None);
        var heldByRun = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        if (!run.Fitted || saved.Count != count || run.Predictions.Count != count)
        {
            Console.Error.WriteLine($"Expected a fit and {count} predictions; fitted {run.Fitted} ({run.Reason}), {run.Predictions.Count} predictions, {saved.Count} saved.");
            return 1;
        }

        var histories = store.Histories;
        var model = run.PurchaseModel!;
        var clock = Stopwatch.StartNew();
        var logLikelihood = 0.0;
        foreach (var history in histories)
        {
            logLikelihood += model.LogLikelihood(history);
        }
        var oneEvaluation = clock.Elapsed;
        var distinct = histories.Distinct().Count();

        clock.Restart();
        var naive = NaiveScoring(store, model, run.SpendModel!);
        var naiveScoring = clock.Elapsed;
        if (Math.Abs(naive - run.Summary.TotalClv12Months!.Value) > count * 0.01m)
        {
            Console.Error.WriteLine($"The naive total CLV {naive} differs from the run's {run.Summary.TotalClv12Months}.");
            return 1;
        }

        // The same customers with exact purchase times, to tell the fitter's error from what store days do to the data.
        var sample = Math.Min(count, ExactSample);
        clock.Restart();
        var exactFit = BgNbdFitter.Fit(store.ExactHistories[..sample]) as ModelFit<BgNbdModel>.Fitted;
        var exactTime = clock.Elapsed;

        var t = run.Timings;
        Console.WriteLine(Invariant($"{run.RepeatCustomers:N0} repeat customers; {distinct:N0} distinct (x, t_x, T); log-likelihood {run.LogLikelihood:N1} (check: {logLikelihood:N1})"));
        Console.WriteLine();
        Console.WriteLine("| phase | customers | time | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Invariant($"| baseline: one BG/NBD log-likelihood evaluation, every customer | {count:N0} | {oneEvaluation.TotalMilliseconds:N0} ms | 1 |"));
        Console.WriteLine(Invariant($"| read summaries, build (x, t_x, T, m_x) by store day | {count:N0} | {t.Read.TotalMilliseconds:N0} ms | {t.Read / oneEvaluation:0.0}× |"));
        Console.WriteLine(Invariant($"| **fit** BG/NBD and Gamma-Gamma (in parallel, standard errors included) | {count:N0} | **{t.Fit.TotalSeconds:0.0} s** | {t.Fit / oneEvaluation:0}× |"));
        Console.WriteLine(Invariant($"| baseline: score with the domain functions one customer at a time | {count:N0} | {naiveScoring.TotalMilliseconds:N0} ms | 1 |"));
        Console.WriteLine(Invariant($"| **score** every customer, rank the at-risk list | {count:N0} | **{t.Score.TotalMilliseconds:N0} ms** | {t.Score / naiveScoring:0.000}× the one-by-one scoring |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"| parameter | truth | nightly path: estimate (SE) | error | error / SE | exact times, first {sample:N0}: estimate (SE) | error / SE |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var estimate in run.PurchaseParameters.Concat(run.SpendParameters))
        {
            var truth = Truth.Single(p => p.Name == estimate.Name).Value;
            var error = estimate.Value - truth;
            var exact = exactFit?.Parameters.SingleOrDefault(p => p.Name == estimate.Name);
            Console.WriteLine(Invariant($"| {estimate.Name} | {truth:0.###} | {estimate.Value:0.0000} ({estimate.StandardError:0.0000}) | {error / truth * 100:+0.0;-0.0} % | {error / estimate.StandardError:+0.0;-0.0} | ")
                + (exact is null ? "– | – |" : Invariant($"{exact.Value:0.0000} ({exact.StandardError:0.0000}) | {(exact.Value - truth) / exact.StandardError:+0.0;-0.0} |")));
        }
        Console.WriteLine(Invariant($"Exact-time BG/NBD fit of {sample:N0} customers (no identical histories to compress): {exactTime.TotalSeconds:0.0} s."));
        Console.WriteLine();
        Console.WriteLine(Invariant($"The run's result (every prediction, looked up by customer id) holds {heldByRun / (1024.0 * 1024):N0} MiB of managed heap; process working set after the run {Environment.WorkingSet / (1024.0 * 1024):N0} MiB (the drawn store included)."));
        Console.WriteLine(Invariant($"Targets: fit ≤ 30 s: {(t.Fit.TotalSeconds <= 30 ? "met" : "NOT met")} ({t.Fit.TotalSeconds:0.0} s); scoring ≤ 2 s: {(t.Score.TotalSeconds <= 2 ? "met" : "NOT met")} ({t.Score.TotalSeconds:0.00} s)."));
        if (save > 0)
        {
            await SaveAsync(run.Predictions.Take(Math.Min(save, count)).ToDictionary(p => p.Key, p => p.Value), run.AsOf);
        }
        return 0;
    }

    /// <summary>
    /// The predictions table's writes on Azurite: <see cref="ICustomerPredictions.SaveAsync"/> against the bare minimum,
    /// 100-entity upsert transactions of entities with the same keys and no properties, with the same parallelism (8).
    /// </summary>
    private static async Task SaveAsync(Dictionary<CustomerId, CustomerPrediction> predictions, DateOnly asOf)
    {
        await using var azurite = await AzuriteServer.StartAsync(RepoRoot.Find());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "model",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddRetentionApplication().AddRetentionInfrastructure(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<ICustomerPredictions>();
        var bare = new TableServiceClient(azurite.ConnectionString).GetTableClient("modelbare");
        await bare.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        var batches = predictions.Keys.GroupBy(TableKeys.CustomerPartition).SelectMany(g => g.Chunk(100).Select(c => (Partition: g.Key, Ids: c))).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await bare.SubmitTransactionAsync(batch.Ids.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(batch.Partition, TableKeys.Escape(id.Value)))), ct));
        var baseline = clock.Elapsed;
        clock.Restart();
        await store.SaveAsync(asOf, predictions, CancellationToken.None);
        var ours = clock.Elapsed;
        Console.WriteLine();
        Console.WriteLine("| write to Azurite | rows | time | rows/s | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| baseline: bare 100-entity upsert transactions, same keys, 8 at a time | {predictions.Count:N0} | {baseline.TotalMilliseconds:N0} ms | {predictions.Count / baseline.TotalSeconds:N0} | 1 |"));
        Console.WriteLine(Invariant($"| predictions table (`TablePredictionStore.SaveAsync`) | {predictions.Count:N0} | {ours.TotalMilliseconds:N0} ms | {predictions.Count / ours.TotalSeconds:N0} | {ours / baseline:0.00}× |"));
    }

    private static FitCustomerModels Use(Store store, ICustomerPredictions predictions)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new StoreOptions { Currency = "USD", TimeZone = "UTC" });
        return new FitCustomerModels(store, new RetentionCalculator(store, options, TimeProvider.System), predictions, options,
            Microsoft.Extensions.Options.Options.Create(new ModelOptions()), NullLogger<FitCustomerModels>.Instance);
    }

    /// <summary>Σ CLV with <see cref="CustomerLifetimeValue"/>, plus P(alive) and E[Y] at 30 and 90 days, one customer at a time.</summary>
    private static decimal NaiveScoring(Store store, BgNbdModel purchases, GammaGammaModel spend)
    {
        var horizon = ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.10);
        var total = 0m;
        var sink = 0.0;
        for (var i = 0; i < store.Histories.Length; i++)
        {
            var history = store.Histories[i];
            sink += purchases.ProbabilityAlive(history) + purchases.ExpectedPurchases(history, 30 / 7.0) + purchases.ExpectedPurchases(history, 90 / 7.0);
            total += CustomerLifetimeValue.Compute(purchases, spend, history, store.Spends[i], horizon) ?? 0m;
        }
        return sink >= 0 ? total : -1;
    }

    /// <summary>
    /// <paramref name="count"/> customers: the first purchase at a uniform instant in the 364 days before <see cref="End"/>;
    /// while alive, purchases as a Poisson process with a weekly rate λ ~ Gamma(r, α); after each repeat purchase, gone
    /// with probability p ~ Beta(a, b); each order's value ~ Gamma(p, ν) with ν ~ Gamma(q, γ), in cents. Also the
    /// (x, t_x, T) and (x, m_x) the use case will build from them (purchases on one UTC day merged), for the baselines.
    /// </summary>
    private static Store Draw(int count, int seed)
    {
        var random = new Random(seed);
        var usd = CurrencyCode.Parse("USD");
        var summaries = new CustomerSummary[count];
        var histories = new RepeatHistory[count];
        var exact = new RepeatHistory[count];
        var spends = new RepeatSpend[count];
        var endDay = DateOnly.FromDateTime(End.UtcDateTime).AddDays(-1);
        long orders = 0;
        var days = new List<(int Day, decimal Amount)>();
        var facts = ImmutableArray.CreateBuilder<OrderFact>();
        for (var i = 0; i < count; i++)
        {
            var first = End.AddDays(-364 * random.NextDouble());
            var rate = Gamma(random, Truth[0].Value) / Truth[1].Value;
            var x1 = Gamma(random, Truth[2].Value);
            var dropout = x1 / (x1 + Gamma(random, Truth[3].Value));
            var nu = Gamma(random, Truth[5].Value) / Truth[6].Value;
            var observedWeeks = (End - first).TotalDays / 7;
            facts.Clear();
            days.Clear();
            var weeks = 0.0;
            var lastWeeks = 0.0;
            while (true)
            {
                var at = first.AddDays(weeks * 7);
                var amount = Math.Max(0.01m, Math.Round((decimal)(Gamma(random, Truth[4].Value) / nu), 2));
                facts.Add(new OrderFact(new OrderKey((ulong)facts.Count + 1), at, new Money(amount, usd), true));
                var day = DateOnly.FromDateTime(at.UtcDateTime).DayNumber;
                if (days.Count > 0 && days[^1].Day == day)
                {
                    days[^1] = (day, days[^1].Amount + amount);
                }
                else
                {
                    days.Add((day, amount));
                }
                lastWeeks = weeks;
                if (facts.Count > 1 && random.NextDouble() < dropout)
                {
                    break;
                }
                weeks += -Math.Log(1 - random.NextDouble()) / rate;
                if (!(weeks < observedWeeks))
                {
                    break;
                }
            }
            orders += facts.Count;
            var id = CustomerId.Parse(string.Create(CultureInfo.InvariantCulture, $"c{i:D7}"));
            summaries[i] = new CustomerSummary { CustomerId = id, Orders = facts.ToImmutable() };
            var x = days.Count - 1;
            histories[i] = RepeatHistory.Create(x, (days[^1].Day - days[0].Day) / 7.0, (endDay.DayNumber - days[0].Day) / 7.0);
            exact[i] = RepeatHistory.Create(facts.Count - 1, lastWeeks, observedWeeks);
            spends[i] = new RepeatSpend(x, x == 0 ? 0m : days.Skip(1).Sum(d => d.Amount) / x);
        }
        return new Store(summaries, histories, exact, spends, orders);
    }

    /// <summary>Gamma(shape, rate 1) by Marsaglia and Tsang (2000), boosted for shape &lt; 1.</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + (c * z);
            }
            while (v <= 0);
            v = v * v * v;
            if (Math.Log(random.NextDouble()) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The drawn store: its summaries as the ledger holds them, and what the models see of each customer.</summary>
    private sealed class Store(CustomerSummary[] summaries, RepeatHistory[] histories, RepeatHistory[] exact, RepeatSpend[] spends, long orders) : IOrderLedger
    {
        public RepeatHistory[] Histories { get; } = histories;

        /// <summary>The same customers' (x, t_x, T) from the exact purchase times: no store days, nothing merged.</summary>
        public RepeatHistory[] ExactHistories { get; } = exact;
        public RepeatSpend[] Spends { get; } = spends;
        public long Orders { get; } = orders;

        public async IAsyncEnumerable<CustomerSummary> ReadAllCustomersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            foreach (var summary in summaries)
            {
                yield return summary;
            }
        }

        public Task<IReadOnlyList<PurchaseOutcome>> RecordPurchasesAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<RefundOutcome> RefundAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CancelOutcome> CancelAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Order?> FindOrderAsync(OrderId orderId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CustomerSummary?> FindCustomerAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>Counts the predictions it is given; stores nothing (storage has its own benchmarks).</summary>
    private sealed class CountingPredictions : ICustomerPredictions
    {
        public int Count { get; private set; }

        public Task SaveAsync(DateOnly asOf, IReadOnlyDictionary<CustomerId, CustomerPrediction> predictions, CancellationToken cancellationToken)
        {
            Count = predictions.Count;
            return Task.CompletedTask;
        }

        public Task<StoredPrediction?> FindAsync(CustomerId customerId, CancellationToken cancellationToken) => Task.FromResult<StoredPrediction?>(null);
    }
}
