namespace Retention.Application.Models;

/// <summary>Where a <see cref="FitCustomerModels"/> run spent its time (wall clock).</summary>
/// <param name="Read">Reading every customer summary and building (x, t_x, T, m_x).</param>
/// <param name="Fit">Fitting BG/NBD and Gamma-Gamma (in parallel); zero for the fallback.</param>
/// <param name="Score">Scoring every customer and ranking the at-risk list; zero for the fallback.</param>
/// <param name="Save">Storing the predictions; zero for the fallback.</param>
public sealed record ModelRunTimings(TimeSpan Read, TimeSpan Fit, TimeSpan Score, TimeSpan Save)
{
    public TimeSpan Total => Read + Fit + Score + Save;
}
