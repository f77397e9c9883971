using System.Globalization;

namespace Retention.Domain.Models;

/// <summary>
/// Maximum-likelihood fit of the <see cref="GammaGammaModel"/> to repeat customers' (x, m_x). Customers with x = 0 are
/// left out (they have no repeat purchases to average), and so are repeat customers whose mean spend is 0 or less
/// (returns and free orders; the model needs positive values); the fit's note counts the latter.
/// </summary>
public static class GammaGammaFitter
{
    private static readonly string[] Names = ["p", "q", "gamma"];

    /// <summary>
    /// Fits p, q, γ; <see cref="ModelFit{TModel}.NotFitted"/> when fewer than
    /// <see cref="FitOptions.MinimumRepeatCustomers"/> (and <see cref="FitOptions.MinimumCustomers"/>) usable repeat
    /// customers remain. The note warns when frequency and mean spend are correlated (|Pearson ρ| ≥ 0.3), which breaks
    /// the model's independence assumption.
    /// </summary>
    public static ModelFit<GammaGammaModel> Fit(IReadOnlyCollection<RepeatSpend> customers, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= FitOptions.Default;
        options.Validate();
        var repeaters = customers.Where(c => c.Frequency > 0).ToList();
        var usable = repeaters.Where(c => c.MeanSpend > 0).Select(c => (X: c.Frequency, M: (double)c.MeanSpend)).ToArray();
        var needed = Math.Max(options.MinimumCustomers, options.MinimumRepeatCustomers);
        if (usable.Length < needed)
        {
            return new ModelFit<GammaGammaModel>.NotFitted(string.Create(CultureInfo.InvariantCulture,
                $"Only {usable.Length} repeat customers with a positive mean spend: Gamma-Gamma needs at least {needed} to be fitted."));
        }
        var spread = usable.Select(c => c.M).Distinct().Take(2).Count();
        if (spread < 2)
        {
            return new ModelFit<GammaGammaModel>.NotFitted("Every repeat customer has the same mean spend: there is no variation for Gamma-Gamma to describe.");
        }

        var notes = new List<string>();
        var dropped = repeaters.Count - usable.Length;
        if (dropped > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{dropped} repeat customers with a mean spend of 0 or less were left out"));
        }
        var correlation = Correlation(usable.Select(c => (double)c.X).ToArray(), usable.Select(c => c.M).ToArray());
        if (Math.Abs(correlation) >= 0.3)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"frequency and mean spend are correlated (Pearson ρ = {correlation:0.00}): the model assumes they are independent"));
        }
        var meanSpend = usable.Average(c => c.M);
        var data = new Spends(usable);
        return MaximumLikelihood.Fit(
            Names,
            theta => data.LogLikelihood(theta[0], theta[1], theta[2]),
            [1.0, 2.0, meanSpend],
            usable.Length,
            options,
            theta => new GammaGammaModel(theta[0], theta[1], theta[2]),
            notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>
    /// The repeat customers' (x, m_x), ordered by x and arranged so that an evaluation of Σ ln f(m_x | p, q, γ, x) (see
    /// <see cref="GammaGammaModel.LogLikelihood"/>) costs one logarithm per customer: ln m_x and x m_x are computed once,
    /// and ln Γ(px + q) − ln Γ(px) + px ln x + q ln γ − ln Γ(q) once per distinct x. Each customer's term is still summed
    /// on its own, so the rounding (and with it the numerical Hessian behind the standard errors) is that of the plain sum.
    /// </summary>
    private sealed class Spends((int X, double M)[] customers)
    {
        private readonly int[] _frequency = [.. customers.OrderBy(c => c.X).Select(c => c.X)];
        private readonly double[] _logMean = [.. customers.OrderBy(c => c.X).Select(c => Math.Log(c.M))];
        private readonly double[] _totalSpend = [.. customers.OrderBy(c => c.X).Select(c => c.X * c.M)];

        public double LogLikelihood(double p, double q, double gamma)
        {
            var constant = (q * Math.Log(gamma)) - SpecialFunctions.LogGamma(q);
            var total = 0.0;
            var x = -1;
            var px = 0.0;
            var term = 0.0;
            for (var i = 0; i < _frequency.Length; i++)
            {
                if (_frequency[i] != x)
                {
                    x = _frequency[i];
                    px = p * x;
                    term = SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) + (px * Math.Log(x)) + constant;
                }
                total += term + ((px - 1) * _logMean[i]) - ((px + q) * Math.Log(gamma + _totalSpend[i]));
            }
            return total;
        }
    }

    /// <summary>Pearson correlation; 0 when either series is constant.</summary>
    internal static double Correlation(double[] first, double[] second)
    {
        var meanFirst = first.Average();
        var meanSecond = second.Average();
        double covariance = 0, varianceFirst = 0, varianceSecond = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var u = first[i] - meanFirst;
            var v = second[i] - meanSecond;
            covariance += u * v;
            varianceFirst += u * u;
            varianceSecond += v * v;
        }
        return varianceFirst > 0 && varianceSecond > 0 ? covariance / Math.Sqrt(varianceFirst * varianceSecond) : 0;
    }
}
