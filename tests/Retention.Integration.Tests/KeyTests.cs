using System.Net;
using System.Text.Json;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// The function key: every endpoint but health and the unsubscribe link refuses a missing or wrong key (header or <c>?code=</c>) with 401
/// before reading or writing anything; a right key in either place is accepted.
/// </summary>
public sealed class KeyTests
{
    public static TheoryData<string, string> KeyedRequests => new()
    {
        { "purchases", Bodies.Purchase("new-1", "c-1") },
        { "purchases/batch", Bodies.Batch([Bodies.Purchase("new-1", "c-1")]) },
        { "orders/seed-1/refunds", Bodies.Refund("r-1", 1m) },
        { "orders/seed-1/cancel", "{}" },
        { "customers/c-1/consent", """{"marketingConsent":true}""" },
        { "coupons/GIFT-22222-22222/validate", """{"customerId":"c-1","total":10,"currency":"EUR"}""" },
    };

    public static TheoryData<string, string, string> KeyedRequestsWithWrongKeys
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var row in KeyedRequests)
            {
                foreach (var presentation in new[] { "none", "wrong header", "wrong code", "empty header", "key with other case", "key prefix" })
                {
                    data.Add((string)row[0], (string)row[1], presentation);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KeyedRequestsWithWrongKeys))]
    public async Task Post_MissingOrWrongKey_Returns401AndChangesNothing(string path, string body, string presentation)
    {
        await using var api = await SeededApiAsync();
        var stored = await api.SnapshotAsync();
        var count = await api.CountEntitiesAsync();
        var (uri, header) = presentation switch
        {
            "none" => (path, null),
            "wrong header" => (path, "not-the-key-at-all"),
            "wrong code" => (path + "?code=not-the-key-at-all", null),
            "empty header" => (path, ""),
            "key with other case" => (path, TestApi.Key.ToUpperInvariant()),
            "key prefix" => (path + "?code=" + TestApi.Key[..^1], null),
            _ => throw new ArgumentOutOfRangeException(nameof(presentation)),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Bodies.Json(body) };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", header);
        }

        using var response = await api.Anonymous.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "missing-or-wrong-key");
        Assert.Equal(stored, await api.SnapshotAsync());
        Assert.Equal(count, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordPurchase_KeyInCodeQuery_Returns201()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.PostJsonAsync("purchases?code=" + TestApi.Key, Bodies.Purchase("p-1", "c-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(await api.ReadOrderRowAsync("c-1", "p-1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key-at-all")]
    public async Task Health_WithoutOrWithWrongKey_Returns200Healthy(string? key)
    {
        await using var api = await TestApi.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", body.RootElement.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Health_StorageDown_Returns503Unhealthy()
    {
        var deadStorage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Retention.DevServers.AzuriteServer.AccountKey};" +
                          $"TableEndpoint=http://127.0.0.1:{Retention.DevServers.Ports.FindFree()}/devstoreaccount1;";
        await using var api = await TestApi.StartAsync(deadStorage);

        using var response = await api.Anonymous.GetAsync("health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unreachable", body.RootElement.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task RecordPurchase_StorageDown_Returns503Problem()
    {
        var deadStorage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Retention.DevServers.AzuriteServer.AccountKey};" +
                          $"TableEndpoint=http://127.0.0.1:{Retention.DevServers.Ports.FindFree()}/devstoreaccount1;";
        await using var api = await TestApi.StartAsync(deadStorage);

        using var response = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-1"));

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
    }

    private static async Task<TestApi> SeededApiAsync()
    {
        var api = await TestApi.StartAsync();
        using var seeded = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("seed-1", "c-1", 50m));
        Assert.Equal(HttpStatusCode.Created, seeded.StatusCode);
        return api;
    }
}
