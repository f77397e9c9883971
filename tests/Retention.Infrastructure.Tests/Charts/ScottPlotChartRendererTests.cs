using Retention.Application.Reports;
using Retention.Infrastructure.Charts;

namespace Retention.Infrastructure.Tests.Charts;

public sealed class ScottPlotChartRendererTests
{
    private static readonly RetentionCurve[] Curves =
    [
        new("2026-05", [100, 32, 25, 21, 18, 16]),
        new("2026-06", [100, 29, 22, 19, 17]),
        new("2026-07", [100, 35, 27, 24]),
    ];

    [Fact]
    public void RetentionCurvesPng_ThreeCohorts_IsAPngOfTheRequestedSize()
    {
        var png = new ScottPlotChartRenderer().RetentionCurvesPng(Curves, 1184, 560);

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png.Take(8));
        Assert.Equal(1184, ReadBigEndian(png, 16));
        Assert.Equal(560, ReadBigEndian(png, 20));
    }

    [Fact]
    public void RetentionCurvesPng_TextIsDrawn_TheImageDiffersWhenOnlyALabelChanges()
    {
        var renderer = new ScottPlotChartRenderer();

        var original = renderer.RetentionCurvesPng(Curves, 800, 400);
        var relabelled = renderer.RetentionCurvesPng([Curves[0] with { Label = "2025-11" }, Curves[1], Curves[2]], 800, 400);

        // ScottPlot draws no text at all without a font; a changed legend label changing the pixels proves text is drawn.
        Assert.NotEqual(original, relabelled);
    }

    [Fact]
    public void RetentionCurvesPng_NoCohorts_StillDrawsTheEmptyAxes()
    {
        var png = new ScottPlotChartRenderer().RetentionCurvesPng([], 600, 300);

        Assert.True(png.Length > 1000);
    }

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
