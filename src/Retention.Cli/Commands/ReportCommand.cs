using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Application.Ports;
using Retention.Application.Reports;
using Retention.Domain.Cohorts;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary>
/// <c>retention report</c>: the cohort table and key metrics, as a terminal heatmap or CSV/JSON/HTML; the terminal and
/// JSON also show each programme's uplift against the holdout.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "Cohort period: month or week.", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("month", "week");
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Compute as of the end of this store day (YYYY-MM-DD, up to today). Default: yesterday.",
            CustomParser = ParseDate,
        };
        var mode = new Option<string>("--mode") { Description = "on: bought in period k; on-or-after: bought in period k or later.", DefaultValueFactory = _ => "on" };
        mode.AcceptOnlyFromAmong("on", "on-or-after");
        var values = new Option<string>("--values") { Description = "Cells show percent of the cohort or count of customers.", DefaultValueFactory = _ => "percent" };
        values.AcceptOnlyFromAmong("percent", "count");
        var format = new Option<string>("--format")
        {
            Description = "table (coloured heatmap in the terminal), csv, json, or html (the nightly report email as a page, chart embedded).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json", "html");
        var output = new Option<FileInfo?>("--out") { Description = "Write csv, json or html to this file instead of the terminal." };
        var cohorts = new Option<int>("--cohorts") { Description = "In the terminal table, show only the latest N cohorts.", DefaultValueFactory = _ => 13 };
        var command = new Command("report", """
            Show cohort retention as of a day: which share of each month's (or ISO week's) new customers bought again
            1, 2, 3... periods later, with the weighted mean, the key metrics and, per reward or reminder programme, its
            conversion against the holdout group. Uses the nightly snapshot for that day
            when there is one, otherwise computes it now. Definitions: docs/metrics.md.
            """) { period, asOf, mode, values, format, output, cohorts };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var chosenFormat = result.GetValue(format)!;
            var file = result.GetValue(output);
            if (file is not null && chosenFormat == "table")
            {
                throw new CliException("--out writes a file: choose --format csv, json or html.");
            }
            await using var services = await CliServices.StartAsync(cancellationToken);
            var report = services.GetRequiredService<GetRetentionReport>();
            var day = result.GetValue(asOf);
            if (day > report.Today)
            {
                throw new CliException($"--as-of must not be after today ({report.Today:yyyy-MM-dd} in the store's time zone).");
            }
            var snapshot = await report.ExecuteAsync(day, cancellationToken);
            var options = new ReportOptions(
                result.GetValue(period) == "week" ? Granularity.Week : Granularity.Month,
                result.GetValue(mode) == "on-or-after" ? RetentionMode.OnOrAfter : RetentionMode.On,
                result.GetValue(values) == "count" ? ReportValues.Count : ReportValues.Percent);
            var text = chosenFormat switch
            {
                "csv" => ReportRenderer.Csv(snapshot, options),
                "json" => ReportRenderer.JsonDocument(snapshot, options),
                "html" => EmailPage(services, snapshot),
                _ => null,
            };
            if (text is null)
            {
                HeatmapTable.Write(snapshot, options, Math.Max(1, result.GetValue(cohorts)));
                ProgrammesTable.Write(snapshot);
                ModelsPanel.Write(snapshot);
            }
            else if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, text, cancellationToken);
                Console.Error.WriteLine($"Wrote {file.FullName}");
            }
            else
            {
                Console.Write(text);
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The nightly report email as a page, with its chart embedded (monthly cohorts; --period, --mode, --values do not apply).</summary>
    private static string EmailPage(IServiceProvider services, RetentionSnapshot snapshot)
    {
        byte[]? chart = null;
        try
        {
            chart = services.GetRequiredService<IChartRenderer>().RetentionCurvesPng(ReportEmailComposer.ChartCurves(snapshot), SendReportEmail.ChartWidth, SendReportEmail.ChartHeight);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine("warning: no chart: " + ex.Message);
        }
        return ReportEmailComposer.Page(snapshot, services.GetRequiredService<IOptions<ReportEmailOptions>>().Value, chart);
    }

    public static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        result.AddError($"'{text}' is not a date in the form YYYY-MM-DD.");
        return null;
    }
}
