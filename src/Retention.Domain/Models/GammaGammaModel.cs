using static Retention.Domain.Models.SpecialFunctions;

namespace Retention.Domain.Models;

/// <summary>
/// The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Fader &amp; Hardie, note 025): each
/// purchase's value is Gamma(shape <see cref="P"/>, rate ν) around the customer's own mean p/ν, and ν varies across
/// customers as Gamma(shape <see cref="Q"/>, rate <see cref="Gamma"/>). <see cref="Gamma"/> is in currency units;
/// spend is assumed independent of purchase frequency. All parameters are finite and &gt; 0.
/// </summary>
public sealed record GammaGammaModel
{
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    public GammaGammaModel(double p, double q, double gamma)
    {
        P = Positive(p, nameof(p));
        Q = Positive(q, nameof(q));
        Gamma = Positive(gamma, nameof(gamma));
    }

    /// <summary>Shape of each purchase's value around the customer's mean.</summary>
    public double P { get; }

    /// <summary>Shape of the Gamma distribution of ν across customers.</summary>
    public double Q { get; }

    /// <summary>Rate of the Gamma distribution of ν across customers, in currency units.</summary>
    public double Gamma { get; }

    /// <summary>The population mean spend per purchase, p γ / (q − 1); null when q ≤ 1 (the mean is infinite).</summary>
    public decimal? PopulationMeanSpend => Q > 1 ? ToMoney(P * Gamma / (Q - 1)) : null;

    /// <summary>
    /// E[M | p, q, γ, m_x, x] = p (γ + x m_x) / (p x + q − 1): the expected mean value of this customer's future
    /// purchases, a weighted average of the population mean and the customer's own mean. Null when p x + q ≤ 1 (no finite
    /// mean). Not rounded.
    /// </summary>
    /// <param name="spend">The customer's repeat purchases x ≥ 0 and their mean value m_x ≥ 0 (0 when x = 0).</param>
    public decimal? ConditionalExpectedAverageSpend(RepeatSpend spend)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spend.Frequency, nameof(spend));
        ArgumentOutOfRangeException.ThrowIfNegative(spend.MeanSpend, nameof(spend));
        var x = spend.Frequency;
        var denominator = (P * x) + Q - 1;
        return denominator > 0 ? ToMoney(P * (Gamma + (x * (double)spend.MeanSpend)) / denominator) : null;
    }

    /// <summary>
    /// ln f(m_x | p, q, γ, x) = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m_x + px ln x − (px + q) ln(γ + m_x x),
    /// for x ≥ 1 and m_x &gt; 0.
    /// </summary>
    internal static double LogLikelihood(double p, double q, double gamma, int x, double meanSpend)
    {
        var px = p * x;
        return LogGamma(px + q) - LogGamma(px) - LogGamma(q) + (q * Math.Log(gamma)) + ((px - 1) * Math.Log(meanSpend))
            + (px * Math.Log(x)) - ((px + q) * Math.Log(gamma + (meanSpend * x)));
    }

    private static decimal? ToMoney(double value) => double.IsFinite(value) && Math.Abs(value) < 1e20 ? (decimal)value : null;

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Gamma-Gamma parameters must be finite and > 0.");
}
