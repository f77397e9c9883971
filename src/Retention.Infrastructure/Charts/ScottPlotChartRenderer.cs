using Retention.Application.Ports;
using Retention.Application.Reports;
using ScottPlot;

namespace Retention.Infrastructure.Charts;

/// <summary>
/// Draws charts with ScottPlot (headless, no native packages beyond SkiaSharp's own). ScottPlot draws no text at all when
/// it finds no font, so the font is loaded from a file and a missing font is an error that says what to install.
/// Chart text stays Latin (labels are ours; cohort labels are ISO months).
/// </summary>
internal sealed class ScottPlotChartRenderer : IChartRenderer
{
    private const string FontName = "DejaVu Sans";

    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/Library/Fonts/DejaVuSans.ttf",
        @"C:\Windows\Fonts\DejaVuSans.ttf",
    ];

    private static readonly Lazy<string> Font = new(LoadFont);

    // Colour-blind-safe palette (Okabe–Ito).
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

    public byte[] RetentionCurvesPng(IReadOnlyList<RetentionCurve> curves, int width, int height)
    {
        var font = Font.Value;
        var plot = new Plot();
        plot.Font.Set(font);
        plot.ScaleFactor = 2;
        var maxOffset = 1;
        for (var i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            // Month 0 is 100 % by definition; the curve starts at month 1, where retention is read.
            var xs = Enumerable.Range(1, curve.Percent.Count - 1).Select(k => (double)k).ToArray();
            var ys = curve.Percent.Skip(1).ToArray();
            if (xs.Length == 0)
            {
                continue;
            }
            var line = plot.Add.Scatter(xs, ys, Color.FromHex(Palette[i % Palette.Length]));
            line.LegendText = curve.Label;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            maxOffset = Math.Max(maxOffset, xs.Length);
        }
        plot.Title("Share of each monthly cohort buying again");
        plot.XLabel("Months after the first purchase");
        plot.YLabel("% of the cohort");
        plot.Axes.SetLimits(0.5, maxOffset + 0.5, 0, Math.Max(10, Math.Ceiling(curves.SelectMany(c => c.Percent.Skip(1)).DefaultIfEmpty(0).Max() / 10 + 1) * 10));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static string LoadFont()
    {
        var file = FontFiles.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("No DejaVu Sans font found for charts. Install it (Debian: apt-get install fonts-dejavu-core).");
        Fonts.AddFontFile(FontName, file);
        return FontName;
    }
}
