using System.Net;
using System.Net.Http.Json;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Health_WithAzurite_IsHealthy()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal("reachable", body!["storage"]);
    }
}
