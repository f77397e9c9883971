using System.Globalization;
using Retention.Application.Reports;
using Retention.Domain.Cohorts;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary>The cohort table in the terminal: cells coloured by retention, in-progress cells dimmed and starred.</summary>
internal static class HeatmapTable
{
    public static void Write(RetentionSnapshot snapshot, ReportOptions options, int latestCohorts)
    {
        var table = ReportRenderer.TableOf(snapshot, options);
        var rows = table.Rows.Skip(Math.Max(0, table.Rows.Length - latestCohorts)).ToList();
        var width = rows.Count == 0 ? 0 : rows[0].On.Length;
        var grid = new Table().Border(TableBorder.Rounded).Title(
            $"[bold]Cohort retention, {(options.Period == Granularity.Month ? "monthly" : "weekly")}, {(options.Mode == RetentionMode.On ? "on" : "on or after")}[/] as of {snapshot.AsOf:yyyy-MM-dd} ({Markup.Escape(snapshot.TimeZone)})");
        grid.AddColumn(new TableColumn("Cohort").NoWrap()).AddColumn(new TableColumn("Size").RightAligned().NoWrap());
        for (var k = 0; k < width; k++)
        {
            grid.AddColumn(new TableColumn(k.ToString(CultureInfo.InvariantCulture)).RightAligned().NoWrap());
        }
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Cohort.Label, row.Size.ToString("N0", CultureInfo.InvariantCulture) };
            for (var k = 0; k < width; k++)
            {
                if (k >= row.On.Length)
                {
                    cells.Add("");
                    continue;
                }
                var value = ReportRenderer.Cell(row, k, options);
                var percent = CohortRow.Percent(CohortTable.Count(row, k, options.Mode), row.Size);
                cells.Add(table.IsInProgress(row, k)
                    ? $"[grey italic]{value}*[/]"
                    : $"[black on {ReportRenderer.HeatColour(k == 0 ? null : percent)}]{value}[/]");
            }
            grid.AddRow(cells.ToArray());
        }
        var mean = new List<string> { "[bold]mean %[/]", "" };
        for (var k = 0; k < width; k++)
        {
            mean.Add($"[bold]{ReportRenderer.Percent(table.WeightedMean(k, options.Mode))}[/]");
        }
        grid.AddRow(mean.ToArray());
        AnsiConsole.Write(grid);

        var metrics = snapshot.Metrics;
        var month = metrics.Window("month");
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Customers {metrics.Customers:N0}, active {metrics.ActiveCustomers:N0} (bought in the last {metrics.ActivityWindowDays} days), " +
            $"repeat purchase rate {ReportRenderer.Percent(metrics.RepeatPurchaseRate)} %, median days to 2nd purchase {metrics.MedianDaysToSecondPurchase?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–"}, " +
            $"retention rate this month {ReportRenderer.Percent(month.RetentionRate)} % (churn {ReportRenderer.Percent(month.ChurnRate)} %)."));
        AnsiConsole.MarkupLine("[grey]* period still in progress (left out of the mean). Definitions: docs/metrics.md[/]");
    }
}
