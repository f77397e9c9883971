using System.Globalization;
using System.Net;
using System.Text.Json;
using Retention.Api.Endpoints;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary><c>POST /api/purchases/batch</c>: per-item outcomes in input order, and batches larger than one transaction.</summary>
public sealed class BatchEndpointTests
{
    [Fact]
    public async Task RecordBatch_MixedItems_ReturnsEachItemsStatusInInputOrder()
    {
        await using var api = await TestApi.StartAsync();
        var replayBody = Bodies.Purchase("p-replay", "c-1", 10m);
        using var replayFirst = await api.Client.PostJsonAsync("purchases", replayBody);
        var replayReceipt = await replayFirst.Content.ReadAsStringAsync();
        using var conflictFirst = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-conflict", "c-1", 20m));
        using var otherFirst = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-other", "c-9", 5m));
        var countBefore = await api.CountEntitiesAsync();
        string[] items =
        [
            Bodies.Purchase("n-1", "c-2", 11m),
            """{"orderId":"n-bad","customerId":"c-2","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR"}""",
            replayBody,
            Bodies.Purchase("p-conflict", "c-1", 21m),
            Bodies.Purchase("n-2", "c-3", 12m),
            Bodies.Purchase("n-1", "c-2", 11m),
            Bodies.Purchase("n-2", "c-3", 13m),
            "42",
            Bodies.Purchase("p-other", "c-2", 5m),
            Bodies.Purchase("n-3", "c-2", 7m, test: true),
            Bodies.Purchase("n-4", "c-2", 7m, currency: "eur"),
        ];
        (int Status, string Outcome, string? OrderId)[] expected =
        [
            (201, "recorded", "n-1"), (400, "invalid", "n-bad"), (200, "replayed", "p-replay"), (409, "conflict", "p-conflict"),
            (201, "recorded", "n-2"), (200, "replayed", "n-1"), (409, "conflict", "n-2"), (400, "invalid", null),
            (409, "conflict", "p-other"), (201, "recorded", "n-3"), (400, "invalid", "n-4"),
        ];

        using var response = await api.Client.PostJsonAsync("purchases/batch", Bodies.Batch(items));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = body.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, results.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(i, results[i].GetProperty("index").GetInt32());
            Assert.Equal((i, expected[i].Status), (i, results[i].GetProperty("status").GetInt32()));
            Assert.Equal((i, expected[i].Outcome), (i, results[i].GetProperty("outcome").GetString()));
            Assert.Equal((i, expected[i].OrderId), (i, results[i].GetProperty("orderId").GetString()));
            var hasReceipt = results[i].GetProperty("receipt").ValueKind == JsonValueKind.Object;
            var hasProblem = results[i].GetProperty("problem").ValueKind == JsonValueKind.Object;
            Assert.Equal((i, expected[i].Status < 300), (i, hasReceipt));
            Assert.Equal((i, expected[i].Status >= 400), (i, hasProblem));
            if (hasProblem)
            {
                Assert.Equal(expected[i].Status, results[i].GetProperty("problem").GetProperty("status").GetInt32());
            }
        }
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(replayReceipt).RootElement), JsonSerializer.Serialize(results[2].GetProperty("receipt")));
        Assert.Equal(JsonSerializer.Serialize(results[0].GetProperty("receipt")), JsonSerializer.Serialize(results[5].GetProperty("receipt")));
        Assert.False(results[9].GetProperty("receipt").GetProperty("counted").GetBoolean());
        Assert.True(results[1].GetProperty("problem").GetProperty("errors").TryGetProperty("$.purchases[1].total", out _));
        Assert.True(results[7].GetProperty("problem").GetProperty("errors").TryGetProperty("$.purchases[7]", out _));
        Assert.True(results[10].GetProperty("problem").GetProperty("errors").TryGetProperty("$.purchases[10].currency", out _));
        var summary = body.RootElement.GetProperty("summary");
        Assert.Equal(
            (expected.Length, 3, 2, 3, 3, 0),
            (summary.GetProperty("received").GetInt32(), summary.GetProperty("recorded").GetInt32(), summary.GetProperty("replayed").GetInt32(),
             summary.GetProperty("conflicts").GetInt32(), summary.GetProperty("invalid").GetInt32(), summary.GetProperty("unavailable").GetInt32()));

        Assert.Equal(countBefore + 3 + 3 + 2, await api.CountEntitiesAsync());
        Assert.Equal("11.00", (await api.RequireOrderRowAsync("c-2", "n-1")).GetString("Total"));
        Assert.Equal("12.00", (await api.RequireOrderRowAsync("c-3", "n-2")).GetString("Total"));
        Assert.Equal(true, (await api.RequireOrderRowAsync("c-2", "n-3")).GetBoolean("IsTest"));
        Assert.Null(await api.ReadClaimRowAsync("n-bad"));
        Assert.Null(await api.ReadClaimRowAsync("n-4"));
        Assert.Null(await api.ReadOrderRowAsync("c-2", "p-other"));
        Assert.Equal("20.00", (await api.RequireOrderRowAsync("c-1", "p-conflict")).GetString("Total"));
        var c2 = await api.RequireSummaryAsync("c-2");
        Assert.Equal((1, 11m), (c2.CountedOrderCount, c2.Revenue()));
        var c3 = await api.RequireSummaryAsync("c-3");
        Assert.Equal((1, 12m), (c3.CountedOrderCount, c3.Revenue()));
        var c1 = await api.RequireSummaryAsync("c-1");
        Assert.Equal((2, 30m), (c1.CountedOrderCount, c1.Revenue()));
    }

    [Fact]
    public async Task RecordBatch_OnlyInvalidItems_Returns200WithEveryItemInvalidAndWritesNothing()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostJsonAsync("purchases/batch", Bodies.Batch(["{}", "[]", Bodies.Purchase("p-1", "c-1", -1m)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(body.RootElement.GetProperty("results").EnumerateArray(), r => Assert.Equal(400, r.GetProperty("status").GetInt32()));
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task RecordBatch_ItemCountOutsideOneTo1000_Returns400AndWritesNothing(int count)
    {
        await using var api = await TestApi.StartAsync();
        var items = Enumerable.Range(0, count).Select(i => Bodies.Purchase($"p-{i}", $"c-{i % 7}"));

        using var response = await api.Client.PostJsonAsync("purchases/batch", Bodies.Batch(items));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-fields");
        Assert.Equal(["$.purchases"], Problem.ErrorPaths(problem));
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"purchases":{}}""")]
    [InlineData("""{"purchases":null}""")]
    [InlineData("""[{"purchases":[]}]""")]
    public async Task RecordBatch_NoPurchasesArray_Returns400(string body)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostJsonAsync("purchases/batch", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-fields");
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordBatch_BodyOver16MiB_Returns413()
    {
        await using var api = await TestApi.StartAsync();
        var body = PurchaseEndpointTests.Padded(Bodies.Batch([Bodies.Purchase("p-1", "c-1")]), (int)IngestEndpoints.MaxBatchBytes + 1);

        using var response = await api.Client.PostAsync("purchases/batch", Bodies.Raw(body, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordBatch_TextPlain_Returns415()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("purchases/batch",
            Bodies.Raw(System.Text.Encoding.UTF8.GetBytes(Bodies.Batch([Bodies.Purchase("p-1", "c-1")])), "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Theory]
    [InlineData(150)]
    [InlineData(1000)]
    public async Task RecordBatch_ManyOrdersOfOneCustomer_RecordsAllAndSummaryCountsAll(int count)
    {
        await using var api = await TestApi.StartAsync();
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        var orders = Enumerable.Range(0, count)
            .Select(i => (Id: $"big-{i:D4}", Total: 1m + i / 100m, At: start.AddHours(i)))
            .ToArray();
        var items = orders.Select(o => Bodies.Purchase(o.Id, "c-big", o.Total, o.At.ToString("O", CultureInfo.InvariantCulture)));

        using var response = await api.Client.PostJsonAsync("purchases/batch", Bodies.Batch(items));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var statuses = body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetInt32()).ToArray();
        Assert.Equal(Enumerable.Repeat(201, count), statuses);
        var summary = await api.RequireSummaryAsync("c-big");
        Assert.Equal(count, summary.CountedOrderCount);
        Assert.Equal(orders.Sum(o => o.Total), summary.Revenue());
        Assert.Equal(orders[0].At, summary.FirstPurchaseAt);
        Assert.Equal(orders[^1].At, summary.LastPurchaseAt);
        var rows = await Storage.ReadAllAsync(api.CustomersTable);
        Assert.Equal(count, rows.Count(r => r.RowKey.StartsWith("o|", StringComparison.Ordinal)));
        Assert.Equal(count, (await Storage.ReadAllAsync(api.ClaimsTable)).Count);
    }

    [Fact]
    public async Task RecordBatch_SameBatchPostedTwice_SecondAnswersEveryItemAsReplayWithSameReceipt()
    {
        await using var api = await TestApi.StartAsync();
        var batch = Bodies.Batch(Enumerable.Range(0, 240).Select(i => Bodies.Purchase($"p-{i:D3}", $"c-{i % 40:D2}", 5m + i)));
        using var first = await api.Client.PostJsonAsync("purchases/batch", batch);
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("purchases/batch", batch);

        using var firstBody = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var secondBody = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var firstResults = firstBody.RootElement.GetProperty("results").EnumerateArray().ToArray();
        var secondResults = secondBody.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.All(firstResults, r => Assert.Equal(201, r.GetProperty("status").GetInt32()));
        Assert.All(secondResults, r => Assert.Equal(200, r.GetProperty("status").GetInt32()));
        Assert.Equal(
            firstResults.Select(r => JsonSerializer.Serialize(r.GetProperty("receipt"))),
            secondResults.Select(r => JsonSerializer.Serialize(r.GetProperty("receipt"))));
        Assert.Equal(stored, await api.SnapshotAsync());
        for (var c = 0; c < 40; c++)
        {
            var summary = await api.RequireSummaryAsync($"c-{c:D2}");
            var mine = Enumerable.Range(0, 240).Where(i => i % 40 == c).ToArray();
            Assert.Equal(mine.Length, summary.CountedOrderCount);
            Assert.Equal(mine.Sum(i => 5m + i), summary.Revenue());
        }
    }
}
