using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retention.Api.Hosting;
using Retention.Application.Messages;
using Retention.Infrastructure.Email;

namespace Retention.Architecture.Tests;

/// <summary>
/// host.json is what the Functions host reads on Azure and nothing here runs it, so its settings are checked against
/// what the code and the infrastructure expect: the timeout against the nightly job, the dispatcher and the queue's lock,
/// the logging levels against the Information logs the dashboards read, the route prefix against the links the code builds.
/// </summary>
public sealed class HostJsonTests
{
    /// <summary>
    /// Flex Consumption enforces no maximum timeout, but guarantees a running execution only 60 minutes of grace when it
    /// scales in; past that a run can be cut off however high functionTimeout is.
    /// </summary>
    private static readonly TimeSpan FlexGuaranteedLimit = TimeSpan.FromMinutes(60);

    /// <summary>
    /// docs/benchmarks.md: reading 1,000,000 customer summaries takes roughly 50–100 s on Azure Table Storage, and the
    /// engine and the snapshot add less than the read.
    /// </summary>
    private static readonly TimeSpan NightlyScanOfAMillionCustomers = TimeSpan.FromSeconds(100);

    private static readonly Lazy<JsonElement> Host = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repo.Path("host.json")));
        return document.RootElement.Clone();
    });

    private static TimeSpan FunctionTimeout =>
        TimeSpan.ParseExact(Host.Value.GetProperty("functionTimeout").GetString()!, @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    [Fact]
    public void HostJson_IsVersion2()
    {
        Assert.Equal("2.0", Host.Value.GetProperty("version").GetString());
        // Extension bundles are for languages other than .NET; the isolated worker brings its extensions itself.
        Assert.False(Host.Value.TryGetProperty("extensionBundle", out _));
    }

    [Fact]
    public void FunctionTimeout_IsWithinWhatFlexConsumptionGuarantees()
    {
        Assert.InRange(FunctionTimeout, TimeSpan.FromMinutes(1), FlexGuaranteedLimit);
    }

    [Fact]
    public void FunctionTimeout_CoversTheNightlyForAMillionCustomers()
    {
        // The scan, then the report email (one ACS request, at most Email:Acs:RequestTimeout), with half again as margin.
        var need = (NightlyScanOfAMillionCustomers + new AcsEmailOptions().RequestTimeout) * 1.5;

        Assert.True(FunctionTimeout >= need, $"functionTimeout {FunctionTimeout} is shorter than the nightly job needs ({need}).");
    }

    [Fact]
    public void FunctionTimeout_LetsADispatchRunUseItsWholeInterval()
    {
        // The dispatch timer is a singleton: a run longer than its interval delays the next one instead of overlapping it,
        // so the timeout must not cut a run that is still sending within its minute.
        var schedule = new DispatchOptions().ParseSchedule();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var first = schedule.GetNextOccurrence(start);
        var interval = schedule.GetNextOccurrence(first) - first;

        Assert.Equal(TimeSpan.FromMinutes(1), interval);
        Assert.True(FunctionTimeout >= interval);
    }

    [Fact]
    public void FunctionTimeout_EndsBeforeTheQueueLockOfTheLastMessageInABatch()
    {
        // A run receives a batch and sends it one by one; a message received at the start of a run must stay locked until
        // the run ends, or its complete fails and it comes back (the ledger then stops a second email, but the run is wasted).
        var queue = InfraArm.Single("Microsoft.ServiceBus/namespaces/queues").Properties;
        var lockDuration = XmlConvert.ToTimeSpan(queue.GetProperty("lockDuration").GetString()!);

        Assert.True(FunctionTimeout <= lockDuration, $"functionTimeout {FunctionTimeout} outlasts the queue's lock ({lockDuration}).");
    }

    [Theory]
    [InlineData("default")]
    [InlineData("Function")]
    [InlineData("Host.Results")]
    [InlineData("Retention")]
    public void Logging_KeepsInformationForOurCategories(string category)
    {
        // Function.<name>.User carries our [LoggerMessage] logs; Host.Results the request telemetry; "Retention.*" our classes.
        var levels = Host.Value.GetProperty("logging").GetProperty("logLevel");
        var level = levels.EnumerateObject()
            .Where(l => l.Name == "default" || category == l.Name || category.StartsWith(l.Name + ".", StringComparison.Ordinal))
            .OrderBy(l => l.Name == "default" ? 0 : l.Name.Length)
            .Select(l => l.Value.GetString())
            .Last();

        Assert.Contains(level, new[] { "Trace", "Debug", "Information" });
    }

    [Fact]
    public void Logging_SamplingNeverDropsRequests()
    {
        // Request counts and failure rates stay exact; sampling may thin out traces and dependencies only.
        var sampling = Host.Value.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings");

        Assert.True(!sampling.GetProperty("isEnabled").GetBoolean() || sampling.GetProperty("excludedTypes").GetString()!.Contains("Request", StringComparison.Ordinal));
    }

    [Fact]
    public void RoutePrefix_IsTheApiPrefixTheCodeBuildsLinksWith()
    {
        var prefix = Host.Value.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();
        var tokens = new UnsubscribeTokens(Options.Create(new MessagesOptions { PublicBaseUrl = "https://func-x.azurewebsites.net" }), new FakeTimeProvider());

        Assert.Equal("api", prefix);
        Assert.Equal($"/{prefix}/{ApiRoutes.Unsubscribe.Route}", tokens.LinkFor("t").AbsolutePath);
        Assert.All(ApiRoutes.All, route => Assert.False(route.Route.StartsWith('/') || route.Route.StartsWith(prefix + "/", StringComparison.Ordinal),
            $"Route {route.Route} must not repeat the host's prefix."));
    }

    [Fact]
    public void HostJson_IsTheOneTheFunctionsAppPublishes()
    {
        // One host.json at the root; the Functions project links it into its output and its publish (azd deploy) folder.
        var project = XDocument.Load(Repo.Path("src", "Retention.Functions", "Retention.Functions.csproj"));
        var item = project.Descendants("None").Single(e => (string?)e.Attribute("Link") == "host.json");
        var built = Repo.Path("src", "Retention.Functions", "bin", Repo.Configuration, "net10.0", "host.json");

        Assert.Equal(@"..\..\host.json", (string?)item.Attribute("Include"));
        Assert.Equal("PreserveNewest", (string?)item.Attribute("CopyToPublishDirectory"));
        Assert.Equal(File.ReadAllText(Repo.Path("host.json")), File.ReadAllText(built));
    }
}
