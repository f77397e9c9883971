using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Retention.Cli.Import;

/// <summary>A progress column with the rows done and the rate since the start: <c>12,000 rows · 3,950 rows/s</c>.</summary>
internal sealed class RowRateColumn : ProgressColumn
{
    public const string RowsKey = "rows";

    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var rows = task.State.Get<int>(RowsKey);
        var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
        var rate = seconds > 0 ? rows / seconds : 0;
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows · {rate:N0} rows/s"), Style.Plain);
    }
}
