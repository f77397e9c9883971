using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Retention.Api.Hosting;
using Retention.DevServers;

namespace Retention.Benchmarks;

/// <summary>
/// Ingest throughput. Everything runs against one Azurite in one process run, so the ratios compare like with like:
///   baseline 1: raw Azure.Data.Tables single-entity adds           vs ours: POST /api/purchases
///   baseline 2: raw Azure.Data.Tables 100-entity transactions      vs ours: POST /api/purchases/batch
/// Options: --purchases N (default 6000), --concurrency N (default 32), --batch N (default 500), --customers N (default 3000).
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        Machine.Print();
        Console.WriteLine($"Run: {options.Purchases:N0} purchases per phase, {options.Concurrency} concurrent clients, batches of {options.Batch}, {options.Customers:N0} customers");

        await using var azurite = await AzuriteServer.StartAsync(RepoRoot.Find());
        var service = new TableServiceClient(azurite.ConnectionString);

        var rawAdds = await RawSingleAddsAsync(service, options);
        var rawTransactions = await RawTransactionsAsync(service, options);

        var url = $"http://127.0.0.1:{Ports.FindFree()}";
        await using var app = LocalApiHost.Build(url, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "bench",
            ["Api:Key"] = "benchmark-key",
            ["Nightly:RunOnLocalHost"] = "false",
        }, LogLevel.Warning);
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 }) { BaseAddress = new Uri(url + "/api/") };
        http.DefaultRequestHeaders.Add("x-functions-key", "benchmark-key");

        var single = await EndpointSingleAsync(http, options);
        var batch = await EndpointBatchAsync(http, options);
        await app.StopAsync();

        Console.WriteLine();
        Console.WriteLine("| phase | items | items/s | p50 ms | p99 ms | ratio to baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row(rawAdds, null);
        Row(rawTransactions, null);
        Row(single, rawAdds);
        Row(batch, rawTransactions);
        return 0;
    }

    static void Row(Phase phase, Phase? baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {phase.Name} | {phase.Items:N0} | {phase.ItemsPerSecond:N0} | {phase.P50:N1} | {phase.P99:N1} | {(baseline is null ? "baseline" : (phase.ItemsPerSecond / baseline.ItemsPerSecond).ToString("0.00", CultureInfo.InvariantCulture))} |"));

    static async Task<Phase> RawSingleAddsAsync(TableServiceClient service, BenchOptions options)
    {
        var table = service.GetTableClient("rawsingle");
        await table.CreateIfNotExistsAsync();
        await Load.WarmUpAsync(i => table.AddEntityAsync(RawEntity("w", i)));
        return await Load.RunAsync("raw single-entity adds", options.Purchases, options.Concurrency, 1,
            i => table.AddEntityAsync(RawEntity((i % 64).ToString("x2", CultureInfo.InvariantCulture), i)));
    }

    static async Task<Phase> RawTransactionsAsync(TableServiceClient service, BenchOptions options)
    {
        var table = service.GetTableClient("rawbatch");
        await table.CreateIfNotExistsAsync();
        const int size = 100;
        await Load.WarmUpAsync(i => table.SubmitTransactionAsync(Enumerable.Range(0, size)
            .Select(k => new TableTransactionAction(TableTransactionActionType.Add, RawEntity("w" + i, k)))));
        return await Load.RunAsync("raw 100-entity transactions", options.Purchases / size, options.Concurrency, size,
            i => table.SubmitTransactionAsync(Enumerable.Range(0, size)
                .Select(k => new TableTransactionAction(TableTransactionActionType.Add, RawEntity("p" + (i % 64), i * size + k)))));
    }

    static async Task<Phase> EndpointSingleAsync(HttpClient http, BenchOptions options)
    {
        var purchases = Data.Purchases("s", options.Purchases, options.Customers);
        await Load.WarmUpAsync(i => http.PostAsJsonAsync("purchases", Data.Purchases("ws", 20, 20)[i]));
        return await Load.RunAsync("POST /api/purchases", purchases.Length, options.Concurrency, 1, async i =>
        {
            using var response = await http.PostAsJsonAsync("purchases", purchases[i]);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });
    }

    static async Task<Phase> EndpointBatchAsync(HttpClient http, BenchOptions options)
    {
        var purchases = Data.Purchases("b", options.Purchases, options.Customers);
        var batches = purchases.Chunk(options.Batch).ToArray();
        await Load.WarmUpAsync(i => http.PostAsJsonAsync("purchases/batch", new { purchases = Data.Purchases("wb" + i, 50, 50) }));
        return await Load.RunAsync("POST /api/purchases/batch", batches.Length, Math.Max(1, options.Concurrency / 8), options.Batch, async i =>
        {
            using var response = await http.PostAsJsonAsync("purchases/batch", new { purchases = batches[i] });
            var body = await response.Content.ReadFromJsonAsync<BatchResponse>();
            if (body?.Summary.Recorded != batches[i].Length)
            {
                throw new InvalidOperationException($"Expected {batches[i].Length} recorded, got {body?.Summary.Recorded}.");
            }
        });
    }

    static TableEntity RawEntity(string partition, int row) => new(partition, "r" + row.ToString("D8", CultureInfo.InvariantCulture))
    {
        ["OrderId"] = "order-" + row,
        ["CustomerId"] = "customer-" + row,
        ["PurchasedAt"] = "2026-11-01T10:00:00.0000000+00:00",
        ["Currency"] = "EUR",
        ["Total"] = "49.90",
    };
}

internal sealed record BatchSummary(int Recorded);

internal sealed record BatchResponse(BatchSummary Summary);

/// <summary>One measured phase: items processed, wall time, and per-call latencies.</summary>
internal sealed record Phase(string Name, int Items, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

internal static class Load
{
    public static async Task WarmUpAsync(Func<int, Task> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call(i);
        }
    }

    /// <summary>Runs <paramref name="calls"/> calls on <paramref name="concurrency"/> workers; each call handles <paramref name="itemsPerCall"/> items.</summary>
    public static async Task<Phase> RunAsync(string name, int calls, int concurrency, int itemsPerCall, Func<int, Task> call)
    {
        var latencies = new double[calls];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();
        var phase = new Phase(name, calls * itemsPerCall, clock.Elapsed, latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {phase.Items:N0} items in {clock.Elapsed.TotalSeconds:N1} s = {phase.ItemsPerSecond:N0}/s (p50 {phase.P50:N1} ms, p99 {phase.P99:N1} ms per call)"));
        return phase;
    }
}

internal static class Data
{
    public static object[] Purchases(string prefix, int count, int customers)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(i => (object)new
        {
            orderId = $"{prefix}-o{i:D7}",
            customerId = $"{prefix}-c{random.Next(customers):D6}",
            purchasedAt = start.AddMinutes(i * 7),
            currency = "EUR",
            total = Math.Round(10 + (decimal)random.NextDouble() * 90, 2),
            email = $"buyer{i}@example.com",
            locale = "en-GB",
            marketingConsent = true,
            items = new[] { new { sku = "SKU-" + (i % 40), quantity = 1 + (i % 3), unitPrice = 9.90m, category = "coffee" } },
        })];
    }
}

internal sealed record BenchOptions(int Purchases, int Concurrency, int Batch, int Customers)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : at >= 0 ? throw new ArgumentException($"{name} needs a positive whole number.") : fallback;
        }
        return new BenchOptions(Get("--purchases", 6000), Get("--concurrency", 32), Get("--batch", 500), Get("--customers", 3000));
    }
}
