using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retention.Application;
using Retention.Application.Import;
using Retention.DevServers;
using Retention.Infrastructure;

namespace Retention.Benchmarks;

/// <summary>
/// `retention import` throughput against Azurite, next to the raw batched-transaction rate measured in the same run on the
/// same Azurite (100-entity transactions in one partition, 32 calls at a time, as in the ingest benchmark), measured before
/// and after the imports; the faster of the two is the baseline. The import runs the use case the CLI runs (parsing,
/// ingest batches of 1,000, refunds and cancellations), each phase on fresh tables and a fresh service provider, like a
/// new CLI process:
///   shopify-csv    a generated Shopify orders export (--orders N, default 30,000; --customers N, default 10,000; 1–3
///                  line items; 8 % partially refunded, 2 % refunded and cancelled; --no-refunds for none), at each
///                  --parallelism (default 1,2,4,8)
///   online-retail  the real 20,000-line Online Retail sample (8,144 invoices, 275 refunds), at the default parallelism
///   cdnow          the real CDNOW master file (69,659 purchases of 23,570 customers), at the default parallelism
///   again          the Shopify export into the same tables again (a re-run without the saved progress: all replays)
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var orders = Options.Int(args, "--orders", 30_000);
        var customers = Options.Int(args, "--customers", 10_000);
        var refundPercent = Array.IndexOf(args, "--no-refunds") >= 0 ? 0 : 10;
        var parallelism = ParallelismList(args);
        Machine.Print();
        Console.WriteLine($"Run: Shopify export of {orders:N0} orders over {customers:N0} customers at parallelism {string.Join(", ", parallelism)}; Online Retail 20k; CDNOW master; Shopify again");

        var folder = Directory.CreateTempSubdirectory("retention-import-bench-");
        try
        {
            var shopify = Path.Combine(folder.FullName, "orders_export.csv");
            var (rows, refunds, cancels) = ShopifyExport.Write(shopify, orders, customers, refundPercent);
            Console.WriteLine($"Generated {shopify}: {rows:N0} rows, {orders:N0} orders, {refunds:N0} refunds, {cancels:N0} cancellations ({new FileInfo(shopify).Length / 1024 / 1024.0:0.0} MiB)");
            var datasets = Path.Combine(Path.GetDirectoryName(RepoRoot.Find())!, "shared", "datasets");

            await using var azurite = await AzuriteServer.StartAsync(RepoRoot.Find());
            var service = new TableServiceClient(azurite.ConnectionString);
            await RawTransactionsAsync(service, "rawwarm", 10_000);
            var rawBefore = await RawTransactionsAsync(service, "rawbefore", 30_000);
            var phases = new List<(string Name, ImportSummary Summary)>();
            foreach (var p in parallelism)
            {
                phases.Add(($"shopify-csv (generated), parallelism {p}", await ImportAsync(azurite, "shop" + p, shopify, p)));
            }
            var defaultParallelism = ImportPurchases.DefaultParallelism;
            phases.Add(($"online-retail (20k sample), parallelism {defaultParallelism}", await ImportAsync(azurite, "retail", Path.Combine(datasets, "online-retail", "online_retail_lines_sample_20k.csv"), defaultParallelism)));
            phases.Add(($"cdnow (CDNOW_master.txt), parallelism {defaultParallelism}", await ImportAsync(azurite, "cdnow", Path.Combine(datasets, "cdnow", "CDNOW_master.txt"), defaultParallelism)));
            var replayPrefix = "shop" + (parallelism.Contains(defaultParallelism) ? defaultParallelism : parallelism.Last());
            phases.Add(($"shopify-csv again into the same tables (a re-run without saved progress)", await ImportAsync(azurite, replayPrefix, shopify, defaultParallelism)));
            var rawAfter = await RawTransactionsAsync(service, "rawafter", 30_000);
            var raw = rawBefore.ItemsPerSecond >= rawAfter.ItemsPerSecond ? rawBefore : rawAfter;

            Console.WriteLine();
            Console.WriteLine("| phase | purchases | refunds + cancellations | seconds | purchases/s | ratio to raw |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (name, phase) in new[] { ("raw 100-entity transactions, before the imports", rawBefore), ("raw 100-entity transactions, after the imports", rawAfter) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {phase.Items:N0} entities | | {phase.Elapsed.TotalSeconds:0.0} | {phase.ItemsPerSecond:N0} entities/s | {(ReferenceEquals(phase, raw) ? "baseline (the faster)" : "")} |"));
            }
            foreach (var (name, s) in phases)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {s.Purchases:N0} | {s.RefundsRecorded + s.RefundsReplayed + s.CancellationsRecorded + s.CancellationsReplayed:N0} | {s.Elapsed.TotalSeconds:0.0} | {s.PurchasesPerSecond:N0} | **{s.PurchasesPerSecond / raw.ItemsPerSecond:0.00}** |"));
            }
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<ImportSummary> ImportAsync(AzuriteServer azurite, string prefix, string file, int parallelism)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Store:Currency"] = "EUR",
            ["Store:TimeZone"] = "Europe/London",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddRetentionApplication()
            .AddRetentionInfrastructure(configuration)
            .BuildServiceProvider();
        using var reader = new StreamReader(file);
        var summary = await services.GetRequiredService<ImportPurchases>().ExecuteAsync(reader, new ImportOptions { Parallelism = parallelism }, CancellationToken.None);
        if (summary.StoppedAt is not null || summary.Unavailable > 0 || summary.Conflicts > 0 || summary.NotApplied.Count > 0 || summary.Invalid > 0)
        {
            throw new InvalidOperationException($"The import of {file} did not run clean: stopped at {summary.StoppedAt}, {summary.Unavailable} unavailable, " +
                $"{summary.Conflicts} conflicts, not applied: {string.Join("; ", summary.NotApplied.Select(n => $"{n.Value} {n.Key}"))}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)} into '{prefix}' at parallelism {parallelism}: {summary.Purchases:N0} purchases ({summary.Recorded:N0} recorded, {summary.Replayed:N0} replayed), " +
            $"{summary.RefundsRecorded + summary.RefundsReplayed:N0} refunds, {summary.CancellationsRecorded + summary.CancellationsReplayed:N0} cancellations " +
            $"in {summary.Elapsed.TotalSeconds:0.0} s = {summary.PurchasesPerSecond:N0} purchases/s"));
        return summary;
    }

    /// <summary>The ingest benchmark's second baseline: 100-entity transactions in one partition per call, 32 calls at a time.</summary>
    private static async Task<Phase> RawTransactionsAsync(TableServiceClient service, string tableName, int entities)
    {
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        const int size = 100;
        await Load.WarmUpAsync(i => table.SubmitTransactionAsync(Enumerable.Range(0, size)
            .Select(k => new TableTransactionAction(TableTransactionActionType.Add, RawEntity("w" + i, k)))));
        return await Load.RunAsync("raw 100-entity transactions", entities / size, 32, size,
            i => table.SubmitTransactionAsync(Enumerable.Range(0, size)
                .Select(k => new TableTransactionAction(TableTransactionActionType.Add, RawEntity("p" + (i % 64), i * size + k)))));
    }

    private static TableEntity RawEntity(string partition, int row) => new(partition, "r" + row.ToString("D8", CultureInfo.InvariantCulture))
    {
        ["OrderId"] = "order-" + row,
        ["CustomerId"] = "customer-" + row,
        ["PurchasedAt"] = "2026-11-01T10:00:00.0000000+00:00",
        ["Currency"] = "EUR",
        ["Total"] = "49.90",
    };

    private static int[] ParallelismList(string[] args)
    {
        var at = Array.IndexOf(args, "--parallelism");
        if (at < 0)
        {
            return [1, 2, 4, 8];
        }
        return at + 1 < args.Length
            ? [.. args[at + 1].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : throw new ArgumentException("--parallelism needs a comma-separated list such as 1,4,8.");
    }

    /// <summary>A Shopify orders export with the real header: one row per line item, order columns on the first row.</summary>
    private static class ShopifyExport
    {
        private const string Header =
            "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code," +
            "Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku," +
            "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Cancelled at,Payment Method,Refunded Amount,Id,Source";

        public static (int Rows, int Refunds, int Cancels) Write(string path, int orders, int customers, int refundPercent)
        {
            var random = new Random(42);
            var start = new DateTimeOffset(2023, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));
            int rows = 0, refunds = 0, cancels = 0;
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
            writer.Write(Header + "\n");
            for (var i = 0; i < orders; i++)
            {
                var paidAt = start.AddMinutes(i * 50 + random.Next(40));
                var customer = random.Next(customers);
                var lines = 1 + random.Next(3);
                var items = Enumerable.Range(0, lines).Select(_ => (Sku: random.Next(60), Quantity: 1 + random.Next(3))).ToList();
                var total = items.Sum(x => x.Quantity * (4.90m + x.Sku)) + 4.90m;
                var roll = random.Next(100);
                var status = roll < refundPercent / 5 ? "refunded" : roll < refundPercent ? "partially_refunded" : "paid";
                var refunded = status == "refunded" ? total : status == "partially_refunded" ? decimal.Round(total / 3, 2) : 0m;
                refunds += refunded > 0 ? 1 : 0;
                cancels += status == "refunded" ? 1 : 0;
                for (var k = 0; k < items.Count; k++)
                {
                    var (sku, quantity) = items[k];
                    var first = k == 0;
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"#{1001 + i},buyer{customer}@example.com,{(first ? status : "")},{(first ? paidAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(23, 1) : "")}," +
                        $"{(first ? "fulfilled" : "")},,{(first ? (customer % 3 == 0 ? "no" : "yes") : "")},{(first ? "EUR" : "")},,,," +
                        $"{(first ? total.ToString("0.00", CultureInfo.InvariantCulture) : "")},{(first && i % 7 == 0 ? "WELCOME10" : "")},,,," +
                        $"{quantity},Product {sku},{4.90m + sku:0.00},,SKU-{sku:D3},true,true,fulfilled,{(first ? $"Buyer {customer}" : "")}," +
                        $"{(first && status == "refunded" ? paidAt.AddHours(5).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(23, 1) : "")}," +
                        $"{(first ? "Shopify Payments" : "")},{(first ? refunded.ToString("0.00", CultureInfo.InvariantCulture) : "")},{(first ? (5_000_000_000L + i).ToString(CultureInfo.InvariantCulture) : "")},{(first ? "web" : "")}\n"));
                    rows++;
                }
            }
            return (rows, refunds, cancels);
        }
    }
}
