using System.Collections.Immutable;
using System.Globalization;

namespace Retention.Domain.Models;

/// <summary>
/// How well a fitted BG/NBD model describes the data, the two checks of Fader, Hardie &amp; Lee (2005): within the
/// calibration period (how many customers made 0, 1, 2, ... repeat purchases, against the model's expectation,
/// Figure 3) and out of sample (repeat purchases in the holdout period by calibration frequency, Figure 4).
/// Bins are x = 0, 1, ..., and an open last bin ("7+" by default).
/// </summary>
public static class FitDiagnostics
{
    /// <summary>
    /// Holdout check: per bin of calibration frequency x, the mean actual holdout repeat purchases per customer against
    /// the mean of E[Y(t*) | x, t_x, T], t* = the split's holdout length.
    /// </summary>
    /// <param name="lastBin">x of the open last bin, ≥ 1.</param>
    /// <returns>One row per bin from 0 to <paramref name="lastBin"/>, empty bins included (with means 0).</returns>
    public static ImmutableArray<FrequencyBinRow> HoldoutByCalibrationFrequency(BgNbdModel model, CalibrationSplit split, int lastBin = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastBin, 1);
        var counts = new int[lastBin + 1];
        var actual = new double[lastBin + 1];
        var expected = new double[lastBin + 1];
        foreach (var customer in split.Customers)
        {
            var bin = Math.Min(customer.History.Frequency, lastBin);
            counts[bin]++;
            actual[bin] += customer.HoldoutPurchases;
            expected[bin] += model.ExpectedPurchases(customer.History, split.HoldoutLength);
        }
        return [.. Enumerable.Range(0, lastBin + 1).Select(bin => new FrequencyBinRow(
            Label(bin, lastBin),
            bin,
            bin == lastBin ? null : bin,
            counts[bin],
            counts[bin] == 0 ? 0 : actual[bin] / counts[bin],
            counts[bin] == 0 ? 0 : expected[bin] / counts[bin]))];
    }

    /// <summary>
    /// Calibration check: per bin of repeat purchases x, the number of customers with that x against
    /// Σᵢ P(X(Tᵢ) = x) over customers i (each observed for their own age Tᵢ); the last bin takes 1 − the others.
    /// </summary>
    /// <param name="lastBin">x of the open last bin, ≥ 1.</param>
    /// <returns>One row per bin from 0 to <paramref name="lastBin"/>; the expected counts sum to the number of customers.</returns>
    public static ImmutableArray<FrequencyCountRow> CalibrationFrequencyHistogram(BgNbdModel model, IReadOnlyCollection<RepeatHistory> customers, int lastBin = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastBin, 1);
        var actual = new int[lastBin + 1];
        var expected = new double[lastBin + 1];
        foreach (var ages in customers.GroupBy(c => c.Age))
        {
            var weight = ages.Count();
            var below = 0.0;
            for (var n = 0; n < lastBin; n++)
            {
                var p = model.ProbabilityOfPurchases(n, ages.Key);
                expected[n] += weight * p;
                below += p;
            }
            expected[lastBin] += weight * Math.Max(0.0, 1.0 - below);
            foreach (var customer in ages)
            {
                actual[Math.Min(customer.Frequency, lastBin)]++;
            }
        }
        return [.. Enumerable.Range(0, lastBin + 1).Select(bin => new FrequencyCountRow(Label(bin, lastBin), actual[bin], expected[bin]))];
    }

    private static string Label(int bin, int lastBin) =>
        bin == lastBin ? bin.ToString(CultureInfo.InvariantCulture) + "+" : bin.ToString(CultureInfo.InvariantCulture);
}
