using System.Net.Http.Headers;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retention.Api.Hosting;
using Retention.DevServers;

namespace Retention.Integration.Tests.Support;

/// <summary>
/// The real local host (Kestrel on a free loopback port) over real Azurite, with tables of its own
/// (a fresh prefix), so tests can run in parallel.
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    public const string Key = "integration-test-key";

    private readonly WebApplication _app;

    private TestApi(WebApplication app, string baseUrl, string connectionString, string tablePrefix)
    {
        _app = app;
        BaseUrl = baseUrl;
        ConnectionString = connectionString;
        TablePrefix = tablePrefix;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl + "/api/") };
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Anonymous = new HttpClient { BaseAddress = new Uri(baseUrl + "/api/") };
    }

    /// <summary>The host's services, for use cases that have no HTTP route (import, nightly).</summary>
    public IServiceProvider Services => _app.Services;

    public string BaseUrl { get; }
    public string ConnectionString { get; }
    public string TablePrefix { get; }

    /// <summary>Sends the key in the x-functions-key header.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no key.</summary>
    public HttpClient Anonymous { get; }

    public TableClient CustomersTable => new TableServiceClient(ConnectionString).GetTableClient(TablePrefix + "customers");
    public TableClient ClaimsTable => new TableServiceClient(ConnectionString).GetTableClient(TablePrefix + "orderclaims");

    /// <param name="connectionString">Storage to use; null means the shared Azurite.</param>
    /// <param name="configureServices">Replaces services (a FakeTimeProvider, say).</param>
    /// <param name="sharedTablePrefix">Use another TestApi's tables, as a second instance of the same app would.</param>
    /// <param name="settings">More settings (email, report), added to the defaults.</param>
    public static async Task<TestApi> StartAsync(
        string? connectionString = null, Action<IServiceCollection>? configureServices = null, string? sharedTablePrefix = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        connectionString ??= (await SharedAzurite.GetAsync()).ConnectionString;
        var prefix = sharedTablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..12];
        var url = $"http://127.0.0.1:{Ports.FindFree()}";
        var all = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Api:Key"] = Key,
            ["Nightly:RunOnLocalHost"] = "false",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }
        var app = LocalApiHost.Build(url, all, LogLevel.Warning, configureServices);
        await app.StartAsync();
        return new TestApi(app, url, connectionString, prefix);
    }

    /// <summary>Every entity in both tables, for asserting that a request changed nothing.</summary>
    public async Task<int> CountEntitiesAsync()
    {
        var count = 0;
        foreach (var table in new[] { CustomersTable, ClaimsTable })
        {
            try
            {
                await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
                {
                    count++;
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The table was never created: nothing was written.
            }
        }
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
