using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Nightly;
using Retention.Application.Reports;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Api.Hosting;
using Retention.Cli.Demo;
using Retention.DevServers;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary><c>retention up</c>: the whole system on this machine, with Azurite started for you.</summary>
internal static class UpCommand
{
    private const int StandardTablePort = 10002;

    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "Port for the API on 127.0.0.1.",
            DefaultValueFactory = _ => 7071,
        };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo store; start with empty storage." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir")
        {
            Description = "Keep Azurite's data in this folder across runs. Without it, storage lives in memory and is gone on exit.",
        };
        var demoCustomers = new Option<int>("--demo-customers")
        {
            Description = "How many customers the demo store has.",
            DefaultValueFactory = _ => 600,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request's outcome." };
        var command = new Command("up", """
            Run everything locally: start Azurite (the Azure Storage emulator) on 127.0.0.1:10000-10002 unless
            Storage__ConnectionString points elsewhere or an Azurite already listens there, serve the API on
            http://127.0.0.1:PORT/api with the same handlers as the Azure Functions app, and load a seeded demo store
            through the API. Ctrl+C stops everything this command started.
            """)
        {
            port, noDemo, dataDir, demoCustomers, verbose,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(port), result.GetValue(noDemo), result.GetValue(dataDir), result.GetValue(demoCustomers), result.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, bool noDemo, DirectoryInfo? dataDir, int demoCustomers, bool verbose, CancellationToken cancellationToken)
    {
        if (port is < 1 or > 65535)
        {
            return Fail($"--port must be from 1 to 65535 (got {port}).");
        }
        if (!Ports.IsFree(port))
        {
            return Fail($"Port {port} is in use. Stop what uses it, or choose another: ./retention up --port {port + 1}");
        }
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var settings = new Dictionary<string, string?>();
        AzuriteServer? azurite = null;
        try
        {
            var connectionString = environment["Storage:ConnectionString"];
            if (string.IsNullOrEmpty(connectionString))
            {
                if (Ports.IsFree(StandardTablePort))
                {
                    AnsiConsole.MarkupLine("[grey]Starting Azurite on 127.0.0.1:10000-10002…[/]");
                    azurite = await AzuriteServer.StartAsync(RepoRoot.Find(), 10000, 10001, StandardTablePort, dataDir?.FullName, cancellationToken);
                    connectionString = azurite.ConnectionString;
                }
                else if (await IsAzuriteAsync(StandardTablePort, cancellationToken))
                {
                    AnsiConsole.MarkupLine("[grey]Reusing the Azurite that already listens on 127.0.0.1:10002.[/]");
                    connectionString = "UseDevelopmentStorage=true";
                }
                else
                {
                    return Fail("Port 10002 is in use by something that is not Azurite. Stop it, or set Storage__ConnectionString to your storage account.");
                }
            }
            settings["Storage:ConnectionString"] = connectionString;

            var url = $"http://127.0.0.1:{port}";
            await using var app = LocalApiHost.Build(url, settings, verbose ? LogLevel.Information : LogLevel.Warning);
            await app.StartAsync(cancellationToken);
            var key = environment["Api:Key"] is { Length: > 0 } configured ? configured : ApiOptions.DevelopmentKey;
            PrintBanner(url, key, azurite);

            if (!noDemo)
            {
                await LoadDemoAsync(url, key, demoCustomers, app.Lifetime.ApplicationStopping);
            }
            var nightly = await app.Services.GetRequiredService<RunNightly>().ExecuteAsync(null, app.Lifetime.ApplicationStopping);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Nightly job ran as of {nightly.Snapshot.AsOf:yyyy-MM-dd}: {nightly.Customers:N0} customers, repeat purchase rate " +
                $"{ReportRenderer.Percent(nightly.Snapshot.Metrics.RepeatPurchaseRate)} %. It runs again on Nightly__Schedule (UTC)."));
            AnsiConsole.MarkupLine("Report: " + Markup.Escape($"{url}/api/reports/retention?format=html&code={Uri.EscapeDataString(key)}") +
                "  or  [grey]./retention report[/]");
            AnsiConsole.MarkupLine("[green]Ready.[/] Press [bold]Ctrl+C[/] to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (DevServerException ex)
        {
            return Fail(ex.Message);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"Port {port} was taken while starting. Choose another: ./retention up --port {port + 1}");
        }
        catch (OptionsValidationException ex)
        {
            return Fail(string.Join(" ", ex.Failures));
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
                AnsiConsole.MarkupLine("[grey]Azurite stopped.[/]");
            }
        }
    }

    private static async Task LoadDemoAsync(string url, string key, int customers, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var data = DemoStore.Generate(customers, today);
        AnsiConsole.MarkupLine($"Loading the demo store: {customers:N0} customers, {data.Purchases.Count:N0} purchases over 18 months, through the API…");
        using var api = new HttpClient { BaseAddress = new Uri(url + "/api/"), Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Add("x-functions-key", key);
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var result = await DemoLoader.LoadAsync(api, data, cancellationToken);
        AnsiConsole.MarkupLine(
            $"Demo store: [bold]{result.Recorded:N0}[/] purchases recorded, {result.Replayed:N0} already there (replayed), " +
            $"{result.Refunds:N0} refunds, {result.Cancellations:N0} cancellations.");
    }

    private static void PrintBanner(string url, string key, AzuriteServer? azurite)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]API[/]", $"{url}/api");
        grid.AddRow("[bold]Key[/]", $"{Markup.Escape(key)}  (header x-functions-key, or ?code=)");
        grid.AddRow("[bold]Health[/]", $"{url}/api/health");
        grid.AddRow("[bold]Storage[/]", azurite is null ? "your storage account (Storage__ConnectionString)" : $"Azurite, tables on 127.0.0.1:{azurite.TablePort}");
        AnsiConsole.Write(new Panel(grid).Header("RetentionFunctions is running").BorderColor(Color.Green));
        AnsiConsole.MarkupLine("Try: [grey]" + Markup.Escape(
            $"curl -s -X POST {url}/api/purchases -H 'x-functions-key: {key}' -H 'Content-Type: application/json' " +
            "-d '{\"orderId\":\"A-1001\",\"customerId\":\"C-42\",\"purchasedAt\":\"2026-11-20T10:15:00Z\",\"currency\":\"EUR\",\"total\":49.90}'") + "[/]");
    }

    private static async Task<bool> IsAzuriteAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/", cancellationToken);
            return response.Headers.Server.ToString().Contains("Azurite", StringComparison.OrdinalIgnoreCase);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>One line on stderr, never wrapped, so scripts and people see the whole instruction.</summary>
    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}
