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
using Retention.Application.Messages;
using Retention.Broker;
using Retention.Cli.Demo;
using Retention.DevServers;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary><c>retention up</c>: the whole system on this machine, with Azurite started for you.</summary>
internal static class UpCommand
{
    private const int StandardTablePort = 10002;
    private const int StandardBrokerPort = 5672;

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
        var mailPort = new Option<int>("--mail-port")
        {
            Description = "SMTP port of the local MailDev on 127.0.0.1 (emails go there instead of to real inboxes).",
            DefaultValueFactory = _ => MailDevServer.StandardSmtpPort,
        };
        var inboxPort = new Option<int>("--inbox-port")
        {
            Description = "Port of MailDev's web inbox on 127.0.0.1, where you read the emails that were sent.",
            DefaultValueFactory = _ => MailDevServer.StandardWebPort,
        };
        var brokerPort = new Option<int>("--broker-port")
        {
            Description = "AMQP port of the local Service Bus test broker on 127.0.0.1 (the queue retention-messages).",
            DefaultValueFactory = _ => StandardBrokerPort,
        };
        var command = new Command("up", """
            Run everything locally: start Azurite (the Azure Storage emulator) on 127.0.0.1:10000-10002 unless
            Storage__ConnectionString points elsewhere or an Azurite already listens there, start MailDev (an SMTP
            server with a web inbox) on 127.0.0.1:1025 and :1080 unless Email__Provider is set, start the Service Bus
            test broker on 127.0.0.1:5672 unless ServiceBus__ConnectionString is set, serve the API on
            http://127.0.0.1:PORT/api with the same handlers as the Azure Functions app, load a seeded demo store
            through the API with every reward programme on (unless a Rewards__ setting is given), run the nightly job,
            queue one demo message of each kind and send them to the inbox. The email dispatcher then runs every minute
            (Dispatch__Schedule). Ctrl+C stops everything this command started.
            """)
        {
            port, noDemo, dataDir, demoCustomers, verbose, mailPort, inboxPort, brokerPort,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(port), result.GetValue(noDemo), result.GetValue(dataDir), result.GetValue(demoCustomers), result.GetValue(verbose),
            result.GetValue(mailPort), result.GetValue(inboxPort), result.GetValue(brokerPort), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        int port, bool noDemo, DirectoryInfo? dataDir, int demoCustomers, bool verbose, int mailPort, int inboxPort, int brokerPort,
        CancellationToken cancellationToken)
    {
        foreach (var (value, option) in new[] { (port, "--port"), (mailPort, "--mail-port"), (inboxPort, "--inbox-port"), (brokerPort, "--broker-port") })
        {
            if (value is < 1 or > 65535)
            {
                return Fail($"{option} must be from 1 to 65535 (got {value}).");
            }
        }
        if (!Ports.IsFree(port))
        {
            return Fail($"Port {port} is in use. Stop what uses it, or choose another: ./retention up --port {port + 1}");
        }
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var settings = new Dictionary<string, string?>();
        AzuriteServer? azurite = null;
        MailDevServer? maildev = null;
        TestBroker? broker = null;
        string? inbox = null;
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

            if (string.IsNullOrEmpty(environment["Email:Provider"]))
            {
                if (!Ports.IsFree(mailPort) && !Ports.IsFree(inboxPort) && await MailDevServer.AnswersOnAsync(inboxPort, cancellationToken))
                {
                    AnsiConsole.MarkupLine($"[grey]Reusing the MailDev that already listens on 127.0.0.1:{mailPort} (inbox on :{inboxPort}).[/]");
                }
                else
                {
                    foreach (var (busy, option) in new[] { (mailPort, "--mail-port"), (inboxPort, "--inbox-port") })
                    {
                        if (!Ports.IsFree(busy))
                        {
                            return Fail($"Port {busy} is in use, so MailDev cannot start there. Stop what uses it, choose another (./retention up {option} {busy + 1}), or set Email__Provider to use your own email provider.");
                        }
                    }
                    AnsiConsole.MarkupLine($"[grey]Starting MailDev on 127.0.0.1:{mailPort} (SMTP) and :{inboxPort} (inbox)…[/]");
                    maildev = await MailDevServer.StartAsync(RepoRoot.Find(), mailPort, inboxPort, cancellationToken);
                }
                inbox = $"http://127.0.0.1:{inboxPort}/";
                settings["Email:Provider"] = "smtp";
                settings["Email:Smtp:Host"] = MailDevServer.Host;
                settings["Email:Smtp:Port"] = mailPort.ToString(CultureInfo.InvariantCulture);
                settings["Email:Smtp:Security"] = "None";
                settings["Email:Smtp:UserName"] = "";
                settings["Email:Smtp:Password"] = "";
                if (string.IsNullOrEmpty(environment["Report:Recipients"]))
                {
                    // Locally the report goes to the mail catcher, so the demo shows what an owner receives.
                    settings["Report:Recipients"] = "owner@demo.store";
                    settings["Report:StoreName"] = environment["Report:StoreName"] ?? "Demo coffee store";
                }
            }

            var url = $"http://127.0.0.1:{port}";
            if (string.IsNullOrEmpty(environment["ServiceBus:ConnectionString"]) && string.IsNullOrEmpty(environment["ServiceBus:FullyQualifiedNamespace"]))
            {
                if (!Ports.IsFree(brokerPort))
                {
                    return Fail($"Port {brokerPort} is in use, so the Service Bus test broker cannot start there. Stop what uses it, choose another (./retention up --broker-port {brokerPort + 1}), or set ServiceBus__ConnectionString.");
                }
                AnsiConsole.MarkupLine($"[grey]Starting the Service Bus test broker on 127.0.0.1:{brokerPort}…[/]");
                broker = await TestBroker.StartAsync(new TestBrokerOptions
                {
                    Port = brokerPort,
                    Queues = ["retention-messages"],
                    DuplicateDetectionWindow = TimeSpan.FromMinutes(10),
                }, cancellationToken);
                settings["ServiceBus:ConnectionString"] = broker.ConnectionString;
            }
            settings["Messages:PublicBaseUrl"] = environment["Messages:PublicBaseUrl"] ?? url;
            if (!environment.GetSection("Rewards").GetChildren().Any())
            {
                // The demo shows every programme; a real store switches on the ones it wants (docs/rewards.md).
                foreach (var programme in new[] { "ThankYou", "Milestone", "Points", "Tiers", "Referral", "WinBack", "Replenishment", "CouponExpiring", "Feedback" })
                {
                    settings[$"Rewards:{programme}:Enabled"] = "true";
                }
                settings["Rewards:Milestone:AmountOff"] = "10";
                settings["Rewards:Milestone:MinimumSpend"] = "50";
            }

            await using var app = LocalApiHost.Build(url, settings, verbose ? LogLevel.Information : LogLevel.Warning);
            await app.StartAsync(cancellationToken);
            var key = environment["Api:Key"] is { Length: > 0 } configured ? configured : ApiOptions.DevelopmentKey;
            PrintBanner(url, key, azurite, inbox, environment["Email:Provider"]);

            if (!noDemo)
            {
                await LoadDemoAsync(url, key, demoCustomers, environment["Store:Currency"] ?? "USD", app.Lifetime.ApplicationStopping);
            }
            var nightly = await app.Services.GetRequiredService<RunNightly>().ExecuteAsync(null, app.Lifetime.ApplicationStopping);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Nightly job ran as of {nightly.Snapshot.AsOf:yyyy-MM-dd}: {nightly.Customers:N0} customers, repeat purchase rate " +
                $"{ReportRenderer.Percent(nightly.Snapshot.Metrics.RepeatPurchaseRate)} %, report email: {EmailStatus(nightly.Email)}. It runs again on Nightly__Schedule (UTC)."));
            if (!noDemo)
            {
                await SendDemoMessagesAsync(app.Services, demoCustomers, environment["Store:Currency"] ?? "USD", app.Lifetime.ApplicationStopping);
            }
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
            if (broker is not null)
            {
                await broker.DisposeAsync();
                AnsiConsole.MarkupLine("[grey]Service Bus test broker stopped.[/]");
            }
            if (maildev is not null)
            {
                await maildev.DisposeAsync();
                AnsiConsole.MarkupLine("[grey]MailDev stopped.[/]");
            }
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
                AnsiConsole.MarkupLine("[grey]Azurite stopped.[/]");
            }
        }
    }

    private static async Task LoadDemoAsync(string url, string key, int customers, string currency, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var data = DemoStore.Generate(customers, today, currency);
        AnsiConsole.MarkupLine($"Loading the demo store: {customers:N0} customers, {data.Purchases.Count:N0} purchases over 18 months, through the API…");
        using var api = new HttpClient { BaseAddress = new Uri(url + "/api/"), Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Add("x-functions-key", key);
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var result = await DemoLoader.LoadAsync(api, data, cancellationToken);
        AnsiConsole.MarkupLine(
            $"Demo store: [bold]{result.Recorded:N0}[/] purchases recorded, {result.Replayed:N0} already there (replayed), " +
            $"{result.Refunds:N0} refunds, {result.Cancellations:N0} cancellations.");
    }

    private static async Task SendDemoMessagesAsync(IServiceProvider services, int customers, string currency, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var data = DemoStore.Generate(customers, DateOnly.FromDateTime(now.UtcDateTime), currency);
        var messages = DemoMessages.For(data, now);
        await services.GetRequiredService<EnqueueMessages>().ExecuteAsync(messages, cancellationToken);
        var run = await services.GetRequiredService<DispatchMessages>().ExecuteAsync(cancellationToken);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Demo messages: {messages.Count} queued besides the programmes' own; the first dispatcher run sent {run.Sent} (budget Messages__BudgetPerRun), skipped {run.SkippedTotal}. It runs every minute (Dispatch__Schedule); queue more with ./retention messages enqueue."));
    }

    private static void PrintBanner(string url, string key, AzuriteServer? azurite, string? inbox, string? emailProvider)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]API[/]", $"{url}/api");
        grid.AddRow("[bold]Key[/]", $"{Markup.Escape(key)}  (header x-functions-key, or ?code=)");
        grid.AddRow("[bold]Health[/]", $"{url}/api/health");
        grid.AddRow("[bold]Storage[/]", azurite is null ? "your storage account (Storage__ConnectionString)" : $"Azurite, tables on 127.0.0.1:{azurite.TablePort}");
        grid.AddRow("[bold]Emails[/]", inbox is null
            ? Markup.Escape($"sent by your provider (Email__Provider={emailProvider})")
            : $"{inbox}  (MailDev: every email sent lands here)");
        AnsiConsole.Write(new Panel(grid).Header("RetentionFunctions is running").BorderColor(Color.Green));
        AnsiConsole.MarkupLine("Try: [grey]" + Markup.Escape(
            $"curl -s -X POST {url}/api/purchases -H 'x-functions-key: {key}' -H 'Content-Type: application/json' " +
            "-d '{\"orderId\":\"A-1001\",\"customerId\":\"C-42\",\"purchasedAt\":\"2026-11-20T10:15:00Z\",\"currency\":\"EUR\",\"total\":49.90}'") + "[/]");
    }

    private static string EmailStatus(ReportEmailStatus status) => status switch
    {
        ReportEmailStatus.Sent => "sent",
        ReportEmailStatus.AlreadySent => "sent before for that day",
        ReportEmailStatus.NoRecipients => "none (set Report__Recipients)",
        _ => "failed (see the log)",
    };

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
