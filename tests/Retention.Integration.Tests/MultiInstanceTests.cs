using System.Net;
using System.Net.Http.Json;
using Retention.Domain.Customers;
using Retention.Infrastructure.Storage;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// Two hosts over the same tables, as two Function instances are: each has its own summary cache, so each must find
/// out from storage (ETag and insert failures) what the other wrote, and never lose or double an order.
/// </summary>
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task Batch_CustomersWrittenByAnotherInstance_AllRecordedAndSummariesExact()
    {
        await using var first = await TestApi.StartAsync();
        await using var second = await TestApi.StartAsync(sharedTablePrefix: first.TablePrefix);
        var customers = Enumerable.Range(0, 120).Select(i => $"mi-c{i:D3}").ToArray();

        var firstBatch = customers.Select((c, i) => Purchase($"mi-a{i:D3}", c, 10m + i)).ToArray();
        var secondBatch = customers.Select((c, i) => Purchase($"mi-b{i:D3}", c, 100m + i)).ToArray();
        await PostBatchAsync(first, firstBatch);
        await PostBatchAsync(second, secondBatch);
        var thirdBatch = customers.Select((c, i) => Purchase($"mi-c{i:D3}x", c, 1000m)).ToArray();
        await PostBatchAsync(first, thirdBatch);

        for (var i = 0; i < customers.Length; i++)
        {
            var summary = await ReadSummaryAsync(first, customers[i]);
            Assert.Equal(3, summary.CountedOrderCount);
            Assert.Equal(10m + i + 100m + i + 1000m, summary.NetRevenue.Values.Single().Amount);
        }
    }

    [Fact]
    public async Task Single_SameCustomerAlternatingInstances_CountsEveryOrderOnce()
    {
        await using var first = await TestApi.StartAsync();
        await using var second = await TestApi.StartAsync(sharedTablePrefix: first.TablePrefix);

        var posts = Enumerable.Range(0, 40).Select(async i =>
        {
            var api = i % 2 == 0 ? first : second;
            using var response = await api.Client.PostAsJsonAsync("purchases", Purchase($"alt-{i:D2}", "alt-customer", 1m + i));
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var summary = await ReadSummaryAsync(first, "alt-customer");
        Assert.Equal(40, summary.CountedOrderCount);
        Assert.Equal(Enumerable.Range(0, 40).Sum(i => 1m + i), summary.NetRevenue.Values.Single().Amount);
    }

    private static object Purchase(string orderId, string customerId, decimal total) => new
    {
        orderId,
        customerId,
        purchasedAt = "2026-10-01T12:00:00Z",
        currency = "EUR",
        total,
    };

    private static async Task PostBatchAsync(TestApi api, object[] purchases)
    {
        using var response = await api.Client.PostAsJsonAsync("purchases/batch", new { purchases });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<BatchBody>();
        Assert.Equal(purchases.Length, body!.Summary.Recorded);
    }

    private static async Task<CustomerSummary> ReadSummaryAsync(TestApi api, string customerId)
    {
        var id = CustomerId.Parse(customerId);
        var row = await api.CustomersTable.GetEntityAsync<Azure.Data.Tables.TableEntity>(TableKeys.CustomerPartition(id), TableKeys.SummaryRow(id));
        return CustomerSummaryEntity.ToSummary(row.Value);
    }

    private sealed record BatchSummary(int Recorded);

    private sealed record BatchBody(BatchSummary Summary);
}
