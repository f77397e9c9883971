using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Retention.DevServers;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Infrastructure.Storage;
using Retention.Integration.Tests.Support;
using Xunit.Abstractions;

namespace Retention.Integration.Tests;

/// <summary>
/// Bounded load on loopback: 32 concurrent HTTP clients post 10,000 distinct purchases plus 20 % exact retries and
/// 5 % conflicting replays, shuffled, retrying on 5xx and connection errors. Storage must then hold exactly what the
/// answers say was recorded. The second test does the same while Azurite (its own, on disk) is restarted mid-run.
/// </summary>
public sealed class LoadAndFaultTests(ITestOutputHelper output)
{
    private const int Orders = 10_000;
    private const int Customers = 2_000;
    private const int Workers = 32;
    private const double RetryShare = 0.20;
    private const double ConflictShare = 0.05;
    private const int MaxAttempts = 40;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Purchases_ConcurrentWithRetriesAndConflicts_StorageHoldsExactlyWhatWasAnswered()
    {
        await using var api = await TestApi.StartAsync();
        var plan = LoadPlan.Create(Orders, Customers, RetryShare, ConflictShare, seed: 20261124, idPrefix: "ld");

        var run = await RunAsync(api, plan, duringRun: null);

        Report("no faults", plan, run);
        var expected = ExpectedFromAnswers(plan, run, exactlyOne201: true);
        await AssertStorageAsync(api, plan, expected);
    }

    /// <summary>
    /// Two faults while 32 clients keep posting: a graceful restart (SIGTERM; the storage client's own retries mostly hide
    /// it), then a graceful stop with <see cref="Outage"/> of downtime before Azurite starts again on the same ports and
    /// data, longer than the storage client retries, so requests fail half-way (claim written, order not) and answer 503.
    /// </summary>
    [Fact]
    public async Task Purchases_AzuriteRestartedMidRun_StorageExactWithoutPartialWrites()
    {
        var root = RepoRoot.Find();
        var dataDirectory = Directory.CreateTempSubdirectory("retention-azurite-");
        var azurite = await AzuriteServer.StartAsync(root, dataDirectory: dataDirectory.FullName);
        try
        {
            await using var api = await TestApi.StartAsync(azurite.ConnectionString);
            var plan = LoadPlan.Create(Orders, Customers, RetryShare, ConflictShare, seed: 424242, idPrefix: "rs");
            var faults = new List<FaultLog>();

            var run = await RunAsync(api, plan, duringRun: async progress =>
            {
                await progress.WaitUntilAsync(plan.Requests.Count * 30 / 100);
                var restart = new FaultLog("restart", progress.Completed);
                await azurite.RestartAsync();
                faults.Add(restart.End(progress.Completed));

                await progress.WaitUntilAsync(plan.Requests.Count * 60 / 100);
                var outage = new FaultLog($"stop, {Outage.TotalSeconds:0} s down, start", progress.Completed);
                await azurite.StopAsync();
                outage.StoppedIn = outage.Elapsed;
                await Task.Delay(Outage);
                azurite = await AzuriteServer.StartAsync(root, azurite.BlobPort, azurite.QueuePort, azurite.TablePort, dataDirectory.FullName);
                faults.Add(outage.End(progress.Completed));
            });

            Report("Azurite restarted, then down for " + Outage.TotalSeconds + " s, mid-run", plan, run);
            foreach (var fault in faults)
            {
                output.WriteLine($"{fault.Name}: after {fault.CompletedBefore} answers, took {fault.Duration.TotalMilliseconds:0} ms " +
                                 $"(stopped in {fault.StoppedIn.TotalMilliseconds:0} ms); {fault.CompletedAfter - fault.CompletedBefore} answers arrived meanwhile");
            }
            Assert.Equal(2, faults.Count);
            Assert.All(faults, f => Assert.True(f.CompletedBefore < plan.Requests.Count, $"{f.Name} came after the run."));
            // StopAsync kills Azurite when it has not exited 10 s after SIGTERM; a graceful stop (which saves the data) takes far less.
            Assert.True(faults[0].Duration < TimeSpan.FromSeconds(9), $"The restart took {faults[0].Duration}: Azurite ignored SIGTERM and was killed.");
            Assert.True(faults[1].StoppedIn < TimeSpan.FromSeconds(9), $"The stop took {faults[1].StoppedIn}: Azurite ignored SIGTERM and was killed.");
            Assert.True(run.ServerErrors + run.ConnectionErrors > 0, "The outage caused no failed request, so the retry paths went untested.");
            Assert.Equal(plan.Requests.Count, run.Completed);
            var expected = ExpectedFromAnswers(plan, run, exactlyOne201: false);
            await AssertStorageAsync(api, plan, expected);
        }
        finally
        {
            await azurite.DisposeAsync();
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<LoadRun> RunAsync(TestApi api, LoadPlan plan, Func<Progress, Task>? duringRun)
    {
        var run = new LoadRun(plan.Requests.Count);
        var progress = new Progress(run);
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var fault = duringRun is null ? Task.CompletedTask : Task.Run(() => duringRun(progress));
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = new Uri(api.BaseUrl + "/api/"),
                Timeout = TimeSpan.FromSeconds(60),
            };
            client.DefaultRequestHeaders.Add("x-functions-key", TestApi.Key);
            var random = new Random(w);
            int i;
            while ((i = Interlocked.Increment(ref next)) < plan.Requests.Count)
            {
                run.Answers[i] = await PostWithRetriesAsync(client, plan.Requests[i].Body, run, random);
                progress.Advance();
            }
        })).ToArray();
        await Task.WhenAll(workers);
        run.Elapsed = stopwatch.Elapsed;
        await fault;
        return run;
    }

    private static async Task<Answer> PostWithRetriesAsync(HttpClient client, string body, LoadRun run, Random random)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("purchases", content);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status < 500)
                {
                    return new Answer(status, text, attempt);
                }
                Interlocked.Increment(ref run.ServerErrors);
                failure = $"{status} {text}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                Interlocked.Increment(ref run.ConnectionErrors);
                failure = ex.GetType().Name + ": " + ex.Message;
            }
            if (attempt == MaxAttempts)
            {
                return new Answer(0, "gave up after " + MaxAttempts + " attempts: " + failure, attempt);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(20, 60) * Math.Min(32, 1 << Math.Min(attempt, 5))));
        }
    }

    /// <summary>
    /// What storage must hold, from the answers alone: per order, the variant that was answered 201/200 is the stored one;
    /// every request of the other variant must have been answered 409; a retry of the stored body never 409.
    /// </summary>
    private static Dictionary<int, decimal> ExpectedFromAnswers(LoadPlan plan, LoadRun run, bool exactlyOne201)
    {
        var problems = new List<string>();
        var stored = new Dictionary<int, decimal>();
        foreach (var group in plan.Requests.Select((r, i) => (Request: r, Answer: run.Answers[i] ?? new Answer(-1, "never answered", 0))).GroupBy(x => x.Request.Order))
        {
            var order = plan.Orders[group.Key];
            var answered = group.ToArray();
            foreach (var (_, answer) in answered.Where(a => a.Answer.Status is not (200 or 201 or 409)))
            {
                problems.Add($"{order.OrderId}: answered {answer.Status} {answer.Body}");
            }
            var successes = answered.Where(a => a.Answer.Status is 200 or 201).ToArray();
            var winners = successes.Select(s => s.Request.Conflicting).Distinct().ToArray();
            if (winners.Length != 1)
            {
                problems.Add($"{order.OrderId}: {successes.Length} successes over {winners.Length} variants");
                continue;
            }
            var conflictingWon = winners[0];
            stored[order.Index] = conflictingWon ? order.ConflictTotal : order.Total;
            foreach (var (request, answer) in answered)
            {
                var expectedStatus = request.Conflicting == conflictingWon ? "200/201" : "409";
                var ok = request.Conflicting == conflictingWon ? answer.Status is 200 or 201 : answer.Status == 409;
                if (!ok)
                {
                    problems.Add($"{order.OrderId} ({(request.Conflicting ? "conflicting" : "original")} body): expected {expectedStatus}, got {answer.Status}");
                }
                if (answer.Status is 200 or 201)
                {
                    using var receipt = JsonDocument.Parse(answer.Body);
                    if (receipt.RootElement.GetProperty("orderId").GetString() != order.OrderId
                        || receipt.RootElement.GetProperty("customerId").GetString() != order.CustomerId)
                    {
                        problems.Add($"{order.OrderId}: receipt {answer.Body}");
                    }
                }
            }
            var created = answered.Count(a => a.Answer.Status == 201);
            if (created > 1 || (exactlyOne201 && created != 1))
            {
                problems.Add($"{order.OrderId}: answered 201 {created} times");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} answers are inconsistent:\n" + string.Join('\n', problems.Take(25)));
        Assert.Equal(plan.Orders.Count, stored.Count);
        return stored;
    }

    /// <summary>
    /// Exactly one order row per planned order with the answered total; one claim per order, each with its order row; one
    /// summary per customer whose facts are exactly that customer's order rows (no fact without a row, no row without a
    /// fact), with the expected count, revenue, first and last purchase.
    /// </summary>
    private async Task AssertStorageAsync(TestApi api, LoadPlan plan, Dictionary<int, decimal> storedTotals)
    {
        var stopwatch = Stopwatch.StartNew();
        var rows = await Storage.ReadAllAsync(api.CustomersTable);
        var claims = await Storage.ReadAllAsync(api.ClaimsTable);
        var byOrderId = plan.Orders.ToDictionary(o => o.OrderId);

        var orderRows = rows.Where(r => r.RowKey.StartsWith(TableKeys.OrderPrefix, StringComparison.Ordinal)).ToList();
        var summaryRows = rows.Where(r => r.RowKey.StartsWith(TableKeys.SummaryPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(rows.Count, orderRows.Count + summaryRows.Count);
        Assert.Equal(plan.Orders.Count, orderRows.Count);
        var problems = new List<string>();
        var rowsByCustomer = new Dictionary<string, List<PlannedOrder>>();
        foreach (var row in orderRows)
        {
            var orderId = row.GetString("OrderId");
            if (!byOrderId.TryGetValue(orderId, out var order))
            {
                problems.Add($"unexpected order row {orderId}");
                continue;
            }
            var expectedTotal = storedTotals[order.Index].ToString("F2", CultureInfo.InvariantCulture);
            if (row.GetString("CustomerId") != order.CustomerId || row.GetString("Total") != expectedTotal || row.GetBoolean("IsCounted") != true
                || row.PartitionKey != TableKeys.CustomerPartition(CustomerId.Parse(order.CustomerId)))
            {
                problems.Add($"order row {orderId}: customer {row.GetString("CustomerId")}, total {row.GetString("Total")} (expected {expectedTotal})");
            }
            if (!rowsByCustomer.TryGetValue(order.CustomerId, out var list))
            {
                rowsByCustomer[order.CustomerId] = list = [];
            }
            list.Add(order);
        }
        Assert.Equal(plan.Orders.Count, orderRows.Select(r => r.GetString("OrderId")).Distinct().Count());

        Assert.Equal(plan.Orders.Count, claims.Count);
        var orderRowIds = orderRows.Select(r => r.GetString("OrderId")).ToHashSet();
        foreach (var claim in claims)
        {
            var orderId = claim.GetString("OrderId");
            if (!byOrderId.TryGetValue(orderId, out var order) || claim.GetString("CustomerId") != order.CustomerId || !orderRowIds.Contains(orderId))
            {
                problems.Add($"claim {orderId} for {claim.GetString("CustomerId")} has no matching order row");
            }
        }

        var expectedCustomers = plan.Orders.GroupBy(o => o.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expectedCustomers.Count, summaryRows.Count);
        foreach (var row in summaryRows)
        {
            var summary = CustomerSummaryEntity.ToSummary(row);
            var customer = summary.CustomerId.Value;
            if (!expectedCustomers.TryGetValue(customer, out var orders))
            {
                problems.Add($"unexpected summary for {customer}");
                continue;
            }
            var expectedCount = orders.Count;
            var expectedRevenue = orders.Sum(o => storedTotals[o.Index]);
            var expectedFirst = orders.Min(o => o.PurchasedAt);
            var expectedLast = orders.Max(o => o.PurchasedAt);
            var factKeys = summary.Orders.Select(f => f.Key).OrderBy(k => k.Value).ToArray();
            var rowKeys = rowsByCustomer.GetValueOrDefault(customer, []).Select(o => OrderKey.For(OrderId.Parse(o.OrderId))).OrderBy(k => k.Value).ToArray();
            if (summary.CountedOrderCount != expectedCount || summary.Revenue() != expectedRevenue
                || summary.FirstPurchaseAt != expectedFirst || summary.LastPurchaseAt != expectedLast || !factKeys.SequenceEqual(rowKeys))
            {
                problems.Add($"summary {customer}: {summary.CountedOrderCount} orders, {summary.Revenue()} EUR, {summary.FirstPurchaseAt:O}..{summary.LastPurchaseAt:O}, " +
                             $"{factKeys.Length} facts vs {rowKeys.Length} rows; expected {expectedCount} orders, {expectedRevenue} EUR, {expectedFirst:O}..{expectedLast:O}");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} storage problems:\n" + string.Join('\n', problems.Take(25)));
        output.WriteLine($"verified {rows.Count} customer-table rows and {claims.Count} claims in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    private void Report(string scenario, LoadPlan plan, LoadRun run)
    {
        var seconds = run.Elapsed.TotalSeconds;
        var attempts = run.Answers.Sum(a => a?.Attempts ?? 0);
        var statuses = run.Answers.GroupBy(a => a?.Status ?? -1).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{scenario}: {plan.Requests.Count} requests ({plan.Orders.Count} distinct purchases) by {Workers} clients in {seconds:0.0} s");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {plan.Requests.Count / seconds:0} requests/s, {plan.Orders.Count / seconds:0} distinct purchases/s; " +
            $"{attempts} attempts, {run.ServerErrors} 5xx answers and {run.ConnectionErrors} connection errors retried"));
        output.WriteLine("final answers: " + string.Join(", ", statuses));
    }

    private sealed record Answer(int Status, string Body, int Attempts);

    private sealed class LoadRun(int requests)
    {
        public readonly Answer?[] Answers = new Answer?[requests];
        public int ServerErrors;
        public int ConnectionErrors;
        public int Completed;

        public TimeSpan Elapsed { get; set; }
    }

    private sealed class Progress(LoadRun run)
    {
        public int Completed => Volatile.Read(ref run.Completed);

        public void Advance() => Interlocked.Increment(ref run.Completed);

        public async Task WaitUntilAsync(int completed)
        {
            while (Completed < completed)
            {
                await Task.Delay(10);
            }
        }
    }

    private sealed class FaultLog(string name, int completedBefore)
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        public string Name { get; } = name;
        public int CompletedBefore { get; } = completedBefore;
        public int CompletedAfter { get; private set; }
        public TimeSpan StoppedIn { get; set; }
        public TimeSpan Duration { get; private set; }
        public TimeSpan Elapsed => _stopwatch.Elapsed;

        public FaultLog End(int completedAfter)
        {
            Duration = _stopwatch.Elapsed;
            CompletedAfter = completedAfter;
            return this;
        }
    }
}
