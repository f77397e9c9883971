namespace Retention.Domain.Models;

/// <summary>
/// Nelder–Mead simplex minimisation (standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½),
/// restarted from a fresh simplex around the best point until a restart no longer improves it, which guards against
/// the simplex collapsing before the minimum. Derivative-free, so a non-finite objective (outside the domain)
/// simply counts as +∞.
/// </summary>
internal static class NelderMead
{
    /// <param name="objective">Function to minimise; NaN is treated as +∞.</param>
    /// <param name="start">Starting point.</param>
    /// <param name="initialStep">Edge length of each fresh simplex, in the units of the coordinates.</param>
    /// <param name="tolerance">A run stops when the simplex's function values differ by at most this much and its
    /// coordinates by at most √tolerance; the search has converged when a restart improves the best value by at most
    /// this much.</param>
    /// <param name="maxIterations">Budget over all runs together.</param>
    public static OptimizerResult Minimize(Func<double[], double> objective, double[] start, double initialStep, double tolerance, int maxIterations)
    {
        var best = (double[])start.Clone();
        var bestValue = Evaluate(objective, best);
        var iterations = 0;
        var converged = false;
        for (var run = 0; run < 50 && iterations < maxIterations; run++)
        {
            var (point, value, used, collapsed) = Run(objective, best, initialStep, tolerance, maxIterations - iterations);
            iterations += used;
            var improvement = bestValue - value;
            if (value <= bestValue)
            {
                best = point;
                bestValue = value;
            }
            // A restart that starts from the optimum and returns to it (within tolerance) confirms it.
            if (collapsed && run > 0 && improvement <= tolerance)
            {
                converged = true;
                break;
            }
        }
        return new OptimizerResult(best, bestValue, iterations, converged && double.IsFinite(bestValue));
    }

    private static (double[] Point, double Value, int Iterations, bool Collapsed) Run(
        Func<double[], double> objective, double[] start, double step, double tolerance, int budget)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = (double[])start.Clone();
        values[0] = Evaluate(objective, simplex[0]);
        for (var i = 0; i < n; i++)
        {
            var vertex = (double[])start.Clone();
            vertex[i] += step;
            simplex[i + 1] = vertex;
            values[i + 1] = Evaluate(objective, vertex);
        }
        var order = Enumerable.Range(0, n + 1).ToArray();
        var centroid = new double[n];
        var xTolerance = Math.Sqrt(tolerance);
        for (var iteration = 0; iteration < budget; iteration++)
        {
            Array.Sort(order, (i, j) => values[i].CompareTo(values[j]));
            var bestIndex = order[0];
            var worstIndex = order[n];
            if (Collapsed(simplex, values, order, tolerance, xTolerance))
            {
                return (simplex[bestIndex], values[bestIndex], iteration, true);
            }
            Array.Clear(centroid);
            for (var k = 0; k < n; k++)
            {
                var vertex = simplex[order[k]];
                for (var d = 0; d < n; d++)
                {
                    centroid[d] += vertex[d] / n;
                }
            }
            var reflected = Along(centroid, simplex[worstIndex], -1.0);
            var reflectedValue = Evaluate(objective, reflected);
            if (reflectedValue < values[bestIndex])
            {
                var expanded = Along(centroid, simplex[worstIndex], -2.0);
                var expandedValue = Evaluate(objective, expanded);
                (simplex[worstIndex], values[worstIndex]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                continue;
            }
            if (reflectedValue < values[order[n - 1]])
            {
                (simplex[worstIndex], values[worstIndex]) = (reflected, reflectedValue);
                continue;
            }
            var outside = reflectedValue < values[worstIndex];
            var contracted = Along(centroid, outside ? reflected : simplex[worstIndex], 0.5);
            var contractedValue = Evaluate(objective, contracted);
            if (contractedValue < (outside ? reflectedValue : values[worstIndex]))
            {
                (simplex[worstIndex], values[worstIndex]) = (contracted, contractedValue);
                continue;
            }
            var anchor = simplex[bestIndex];
            for (var k = 1; k <= n; k++)
            {
                var index = order[k];
                simplex[index] = Along(anchor, simplex[index], 0.5);
                values[index] = Evaluate(objective, simplex[index]);
            }
        }
        Array.Sort(order, (i, j) => values[i].CompareTo(values[j]));
        return (simplex[order[0]], values[order[0]], budget, false);
    }

    /// <summary>from + factor · (to − from): −1 reflects "to" through "from", ½ goes halfway.</summary>
    private static double[] Along(double[] from, double[] to, double factor)
    {
        var point = new double[from.Length];
        for (var d = 0; d < from.Length; d++)
        {
            point[d] = from[d] + (factor * (to[d] - from[d]));
        }
        return point;
    }

    private static bool Collapsed(double[][] simplex, double[] values, int[] order, double tolerance, double xTolerance)
    {
        var best = order[0];
        if (!(values[order[^1]] - values[best] <= tolerance))
        {
            return false;
        }
        foreach (var index in order)
        {
            for (var d = 0; d < simplex[best].Length; d++)
            {
                if (Math.Abs(simplex[index][d] - simplex[best][d]) > xTolerance)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static double Evaluate(Func<double[], double> objective, double[] point)
    {
        var value = objective(point);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }
}
