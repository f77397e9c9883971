using Retention.Application.Reports;

namespace Retention.Application.Ports;

/// <summary>Draws charts as PNG images for emails.</summary>
public interface IChartRenderer
{
    /// <summary>One line per cohort: percent of the cohort buying in month k after its first, k = 0, 1, ... (complete months only).</summary>
    byte[] RetentionCurvesPng(IReadOnlyList<RetentionCurve> curves, int width, int height);
}
