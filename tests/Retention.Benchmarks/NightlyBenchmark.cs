using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application;
using Retention.Application.Nightly;
using Retention.DevServers;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Infrastructure;
using Retention.Infrastructure.Storage;

namespace Retention.Benchmarks;

/// <summary>
/// The nightly job end to end against Azurite, against a bare scan of the same summary rows in the same run (the same
/// 16 bucket ranges, 8 at a time, entities counted and dropped). The summaries are written directly in the format the
/// ingest writes. Options: --customers N (default 100,000).
/// </summary>
internal static class NightlyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = Options.Int(args, "--customers", 100_000);
        Machine.Print();
        await using var azurite = await AzuriteServer.StartAsync(RepoRoot.Find());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "night",
            ["Store:Currency"] = "EUR",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddRetentionApplication().AddRetentionInfrastructure(configuration).BuildServiceProvider();
        var tables = services.GetRequiredService<RetentionTables>();
        await tables.EnsureCreatedAsync(CancellationToken.None);

        var loading = Stopwatch.StartNew();
        var orders = await LoadSummariesAsync(tables.Customers, customers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {customers:N0} customer summaries ({orders:N0} orders) in {loading.Elapsed.TotalSeconds:0.0} s"));

        var nightly = services.GetRequiredService<RunNightly>();
        await BareScanAsync(tables.Customers);
        await nightly.ExecuteAsync(new DateOnly(2025, 12, 31), CancellationToken.None);
        TimeSpan scan = TimeSpan.MaxValue, job = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var scanned = await BareScanAsync(tables.Customers);
            scan = clock.Elapsed < scan ? clock.Elapsed : scan;
            clock.Restart();
            var result = await nightly.ExecuteAsync(new DateOnly(2025, 12, 31), CancellationToken.None);
            job = clock.Elapsed < job ? clock.Elapsed : job;
            if (scanned != customers || result.Customers != customers)
            {
                Console.Error.WriteLine($"Expected {customers} rows; the scan saw {scanned}, the job {result.Customers}.");
                return 1;
            }
        }
        Console.WriteLine();
        Console.WriteLine("| phase | customers | best of 3 | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| bare scan of the summary rows | {customers:N0} | {scan.TotalMilliseconds:N0} ms | baseline |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| nightly job (scan, decode, compute, store snapshot) | {customers:N0} | {job.TotalMilliseconds:N0} ms | {job / scan:0.00}× the scan |"));
        return 0;
    }

    private static async Task<int> BareScanAsync(TableClient table)
    {
        var count = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, TableKeys.BucketCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bucket, ct) =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(TableKeys.SummaryRangeFilter(bucket), cancellationToken: ct))
            {
                Interlocked.Increment(ref count);
            }
        });
        return count;
    }

    /// <summary>Summaries like the ingest writes them: five years of arrivals, about five orders each.</summary>
    private static async Task<long> LoadSummariesAsync(TableClient table, int customers)
    {
        var random = new Random(11);
        var euro = CurrencyCode.Parse("EUR");
        var start = new DateOnly(2021, 1, 1).DayNumber;
        var end = new DateOnly(2025, 12, 31).DayNumber;
        long orders = 0;
        var entities = new List<TableEntity>(customers);
        for (var c = 0; c < customers; c++)
        {
            var id = CustomerId.Parse($"customer-{c:D7}");
            var facts = new List<OrderFact>();
            var day = start + (int)((end - start) * Math.Sqrt(random.NextDouble()));
            var meanGap = 15 + random.Next(120);
            var keep = 0.72 + (0.26 * random.NextDouble());
            for (var n = 0; day <= end && n < 200; n++)
            {
                var at = new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                facts.Add(new OrderFact(new OrderKey((ulong)random.NextInt64()), at, new Money(Math.Round(5m + (decimal)(random.NextDouble() * 195), 2), euro), Counted: true));
                if (random.NextDouble() > keep)
                {
                    break;
                }
                day += 1 + (int)(-meanGap * Math.Log(1 - random.NextDouble()));
            }
            orders += facts.Count;
            entities.Add(CustomerSummaryEntity.ToEntity(new CustomerSummary { CustomerId = id, Orders = [.. facts] }));
        }
        var transactions = entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct));
        return orders;
    }
}
