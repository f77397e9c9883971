using System.Text.Json;
using Retention.Api.Hosting;

namespace Retention.Architecture.Tests;

/// <summary>
/// Core Tools are not available here, so the generated functions.metadata is what proves the Functions app
/// declares the routes we serve locally: same names, methods, routes and authorization levels as <see cref="ApiRoutes"/>.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(() =>
    {
        var path = Repo.Path("src", "Retention.Functions", "bin", Repo.Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; the Functions project must build first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    });

    public static TheoryData<string> RouteNames() => [.. ApiRoutes.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Metadata_EachApiRoute_DeclaresSameHttpTrigger(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var function = Functions.Value.SingleOrDefault(f => f.GetProperty("name").GetString() == name);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"Function {name} is missing from functions.metadata.");

        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal(route.Route, trigger.GetProperty("route").GetString());
        Assert.Equal([route.Method.ToLowerInvariant()], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
        Assert.Equal(route.RequiresKey ? "Function" : "Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Metadata_HttpFunctions_AreExactlyTheApiRoutes()
    {
        var httpFunctions = Functions.Value
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => f.GetProperty("name").GetString())
            .Order();

        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), httpFunctions);
    }

    [Fact]
    public void Metadata_Nightly_IsATimerOnTheScheduleSettingWithMonitor()
    {
        var nightly = Functions.Value.Single(f => f.GetProperty("name").GetString() == "Nightly");
        var trigger = nightly.GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%Nightly:Schedule%", trigger.GetProperty("schedule").GetString());
        Assert.True(trigger.GetProperty("useMonitor").GetBoolean());
    }

    [Fact]
    public void Metadata_DispatchMessages_IsATimerOnTheDispatchScheduleSetting()
    {
        var dispatch = Functions.Value.Single(f => f.GetProperty("name").GetString() == "DispatchMessages");
        var trigger = dispatch.GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%Dispatch:Schedule%", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void HostJson_RoutePrefix_IsApi()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Repo.Path("host.json")));

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}
