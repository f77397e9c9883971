using System.Globalization;

namespace Retention.Domain.Models;

/// <summary>
/// Maximum-likelihood fit of the <see cref="BgNbdModel"/> to customers' (x, t_x, T), all in one time unit.
/// Pure and deterministic: the same input gives the same estimate. Customers with identical (x, t_x, T) are
/// evaluated once and weighted, so the cost grows with the number of distinct histories.
/// </summary>
public static class BgNbdFitter
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>
    /// Fits r, α, a, b. Returns <see cref="ModelFit{TModel}.NotFitted"/> instead of an estimate when there are fewer
    /// than <see cref="FitOptions.MinimumCustomers"/> customers, fewer than
    /// <see cref="FitOptions.MinimumRepeatCustomers"/> with a repeat purchase (all one-time buyers identify nothing), or
    /// when every customer has age 0.
    /// </summary>
    public static ModelFit<BgNbdModel> Fit(IReadOnlyCollection<RepeatHistory> customers, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= FitOptions.Default;
        options.Validate();
        var repeaters = customers.Count(c => c.Frequency > 0);
        if (customers.Count < options.MinimumCustomers)
        {
            return new ModelFit<BgNbdModel>.NotFitted(string.Create(CultureInfo.InvariantCulture,
                $"Only {customers.Count} customers: BG/NBD needs at least {options.MinimumCustomers} to be fitted."));
        }
        if (repeaters < options.MinimumRepeatCustomers)
        {
            return new ModelFit<BgNbdModel>.NotFitted(repeaters == 0
                ? "Nobody bought again: with only one-time buyers the purchase and drop-out rates cannot be told apart, so BG/NBD cannot be fitted."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Only {repeaters} customers bought again: BG/NBD needs at least {options.MinimumRepeatCustomers} with a repeat purchase to be fitted."));
        }
        if (customers.All(c => c.Age == 0))
        {
            return new ModelFit<BgNbdModel>.NotFitted("Every customer's first purchase is at the end of the period (age 0): there is no time in which to observe repeat purchases.");
        }

        var data = Compress(customers);
        var meanX = customers.Average(c => (double)c.Frequency);
        var meanAge = customers.Average(c => c.Age);
        // Start where the mean purchase rate r/α matches the observed repeat purchases per unit of age.
        var start = new[] { 1.0, Math.Max(meanAge / meanX, 1e-6), 1.0, 1.0 };
        return MaximumLikelihood.Fit(
            Names,
            theta => data.LogLikelihood(theta[0], theta[1], theta[2], theta[3]),
            start,
            customers.Count,
            options,
            theta => new BgNbdModel(theta[0], theta[1], theta[2], theta[3]),
            note: null);
    }

    private static Histories Compress(IEnumerable<RepeatHistory> customers)
    {
        var groups = customers
            .GroupBy(c => c)
            .Select(g => (History: g.Key, Weight: (double)g.Count()))
            .OrderBy(g => g.History.Frequency)
            .ToArray();
        return new Histories(
            [.. groups.Select(g => g.History.Frequency)],
            [.. groups.Select(g => g.History.Recency)],
            [.. groups.Select(g => g.History.Age)],
            [.. groups.Select(g => g.Weight)]);
    }

    /// <summary>Distinct histories, ordered by x, with how many customers share each.</summary>
    private sealed record Histories(int[] Frequency, double[] Recency, double[] Age, double[] Weight)
    {
        public double LogLikelihood(double r, double alpha, double a, double b)
        {
            var total = 0.0;
            var x = -1;
            var term = 0.0;
            for (var i = 0; i < Frequency.Length; i++)
            {
                if (Frequency[i] != x)
                {
                    x = Frequency[i];
                    term = BgNbdModel.LogGammaTerm(r, a, b, x);
                }
                total += Weight[i] * BgNbdModel.LogLikelihood(r, alpha, a, b, term, x, Recency[i], Age[i]);
            }
            return total;
        }
    }
}
