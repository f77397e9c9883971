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
        var ages = new Dictionary<double, int>();
        var recencies = new Dictionary<double, int>();
        static int IndexOf(Dictionary<double, int> values, double value)
        {
            if (!values.TryGetValue(value, out var index))
            {
                index = values.Count;
                values.Add(value, index);
            }
            return index;
        }
        return new Histories(
            [.. groups.Select(g => g.History.Frequency)],
            [.. groups.Select(g => IndexOf(recencies, g.History.Recency))],
            [.. groups.Select(g => IndexOf(ages, g.History.Age))],
            [.. groups.Select(g => g.Weight)],
            [.. recencies.OrderBy(v => v.Value).Select(v => v.Key)],
            [.. ages.OrderBy(v => v.Value).Select(v => v.Key)]);
    }

    /// <summary>
    /// Distinct histories, ordered by x, with how many customers share each. Store data have few distinct ages and
    /// recencies (whole days), so ln(α + T) and ln(α + t_x) are computed once per distinct value and evaluation; each
    /// customer's term is the same expression as <see cref="BgNbdModel.LogLikelihood(double, double, double, double, double, int, double, double)"/>,
    /// so the result is bit for bit the same. Not thread-safe (it reuses two buffers); one fit uses it from one thread.
    /// </summary>
    private sealed class Histories(int[] frequency, int[] recencyIndex, int[] ageIndex, double[] weight, double[] recencies, double[] ages)
    {
        private readonly double[] _logAlphaPlusRecency = new double[recencies.Length];
        private readonly double[] _logAlphaPlusAge = new double[ages.Length];

        public double LogLikelihood(double r, double alpha, double a, double b)
        {
            for (var i = 0; i < recencies.Length; i++)
            {
                _logAlphaPlusRecency[i] = Math.Log(alpha + recencies[i]);
            }
            for (var i = 0; i < ages.Length; i++)
            {
                _logAlphaPlusAge[i] = Math.Log(alpha + ages[i]);
            }
            var logA = Math.Log(a);
            var rLogAlpha = r * Math.Log(alpha);
            var total = 0.0;
            var x = -1;
            var term = 0.0;
            var logB = 0.0;
            for (var i = 0; i < frequency.Length; i++)
            {
                if (frequency[i] != x)
                {
                    x = frequency[i];
                    term = BgNbdModel.LogGammaTerm(r, a, b, x);
                    logB = x > 0 ? Math.Log(b + x - 1) : 0;
                }
                var alive = -(r + x) * _logAlphaPlusAge[ageIndex[i]];
                var dead = x > 0 ? logA - logB - ((r + x) * _logAlphaPlusRecency[recencyIndex[i]]) : double.NegativeInfinity;
                total += weight[i] * (term + rLogAlpha + SpecialFunctions.LogSumExp(alive, dead));
            }
            return total;
        }
    }
}
