using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Nightly;
using Retention.Application.Reports;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary><c>retention nightly [--as-of YYYY-MM-DD]</c>: runs the nightly job once and stores its snapshot.</summary>
internal static class NightlyCommand
{
    public static Command Create()
    {
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The store day to compute as of (YYYY-MM-DD, before today). Default: yesterday in the store's time zone.",
            CustomParser = ReportCommand.ParseDate,
        };
        var command = new Command("nightly", """
            Run the nightly job once: read every customer summary, compute the monthly and weekly cohort tables and the
            metrics as of the end of the day, store the snapshot, and email the report to Report__Recipients (once per day;
            a failed email is sent by the next run for that day). Running it again for the same day replaces the
            snapshot with the same result. Uses Storage__ConnectionString (default: Azurite on 127.0.0.1).
            """) { asOf };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken);
            var nightly = services.GetRequiredService<RunNightly>();
            var today = services.GetRequiredService<RetentionCalculator>().Today;
            var day = result.GetValue(asOf);
            if (day >= today)
            {
                throw new CliException($"--as-of must be before today ({today:yyyy-MM-dd} in the store's time zone): the nightly job computes finished days.");
            }
            var run = await nightly.ExecuteAsync(day, cancellationToken);
            var month = run.Snapshot.Metrics.Window("month");
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Snapshot as of [bold]{run.Snapshot.AsOf:yyyy-MM-dd}[/] stored: {run.Customers:N0} customers read in {run.Elapsed.TotalSeconds:0.00} s; " +
                $"{run.Snapshot.Metrics.ActiveCustomers:N0} active, repeat purchase rate {ReportRenderer.Percent(run.Snapshot.Metrics.RepeatPurchaseRate)} %, " +
                $"retention rate this month {ReportRenderer.Percent(month.RetentionRate)} %; report email: {run.Email}."));
            return 0;
        }));
        return command;
    }
}
