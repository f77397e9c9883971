using System.Globalization;
using Retention.Application.Reports;
using Retention.Domain.Cohorts;
using Retention.Domain.Rewards;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary>Per programme, its conversion against the holdout and the verdict, below the cohort table; nothing when there are no programmes.</summary>
internal static class ProgrammesTable
{
    public static void Write(RetentionSnapshot snapshot)
    {
        if (snapshot.Programmes.IsDefaultOrEmpty)
        {
            return;
        }
        var grid = new Table().Border(TableBorder.Rounded).Title("[bold]Programmes (vs holdout)[/]");
        for (var i = 0; i < ProgrammeLine.Headings.Count; i++)
        {
            // Numbers never wrap; headings, names and the interval may, so the table still fits an 80-column terminal.
            var column = new TableColumn(Markup.Escape(ProgrammeLine.Headings[i]));
            grid.AddColumn(i switch { >= 1 and <= 3 => column.RightAligned().NoWrap(), >= 4 and <= 6 => column.RightAligned(), _ => column });
        }
        foreach (var result in snapshot.Programmes)
        {
            var line = ProgrammeLine.From(result, CultureInfo.InvariantCulture);
            var colour = line.Verdict switch { UpliftVerdict.Works => "green", UpliftVerdict.Hurts => "red", _ => "grey" };
            grid.AddRow(
                Markup.Escape(line.Programme), line.Decided, line.Sent, line.HeldOut, line.TreatedRate, line.HoldoutRate,
                Markup.Escape(line.Uplift), $"[{colour}]{Markup.Escape(line.VerdictWords)}[/]");
        }
        AnsiConsole.Write(grid);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"Treated = every decision outside the holdout, sent or not; converted = bought within the conversion window. Uplift in percentage points with its 95 % interval; " +
            $"\"too early\" until each group has {ProgrammeVerdict.MinimumMatured} decisions whose window has ended. Definitions: docs/metrics.md");
        AnsiConsole.MarkupLine("[grey]" + Markup.Escape(note) + "[/]");
    }
}
