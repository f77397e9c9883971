using System.Collections.Immutable;
using System.Globalization;

namespace Retention.Domain.Models;

/// <summary>
/// The fitting procedure both models share: Nelder–Mead with restarts on the logarithms of the parameters (so they stay
/// positive), within e^±30, then standard errors from the numerical Hessian of the negative log-likelihood.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>Parameters are searched in [e^−30, e^30]; an estimate within e^±1 of that is reported as at its bound.</summary>
    private const double LogBound = 30;

    /// <param name="names">Parameter names, in order.</param>
    /// <param name="logLikelihood">Total log-likelihood (natural log) at natural parameters; −∞ or NaN where undefined.</param>
    /// <param name="start">Starting natural parameters, all &gt; 0.</param>
    /// <param name="customers">N, the number of customers (weights) the log-likelihood sums over.</param>
    public static ModelFit<TModel> Fit<TModel>(
        string[] names,
        Func<double[], double> logLikelihood,
        double[] start,
        int customers,
        FitOptions options,
        Func<double[], TModel> create,
        string? note)
        where TModel : class
    {
        double Penalty(double[] theta) => options.Penalizer * theta.Sum(v => v * v);
        double Objective(double[] logTheta)
        {
            if (logTheta.Any(v => !(Math.Abs(v) <= LogBound)))
            {
                return double.PositiveInfinity;
            }
            var theta = logTheta.Select(v => Math.Exp(v)).ToArray();
            var value = (-logLikelihood(theta) / customers) + Penalty(theta);
            return double.IsFinite(value) ? value : double.PositiveInfinity;
        }

        var result = NelderMead.Minimize(Objective, start.Select(v => Math.Log(v)).ToArray(), initialStep: 1.0, options.Tolerance, options.MaxIterations);
        if (!double.IsFinite(result.Value))
        {
            return new ModelFit<TModel>.NotFitted("The likelihood is not finite anywhere the optimiser looked: the data cannot identify the model.");
        }
        var estimate = result.Point.Select(v => Math.Exp(v)).ToArray();
        var notes = new List<string>();
        if (note is not null)
        {
            notes.Add(note);
        }
        var atBound = names.Where((_, i) => Math.Abs(result.Point[i]) > LogBound - 1).ToList();
        if (atBound.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", atBound)} reached the edge of the search range (e^±{LogBound - 1}): the data do not identify {(atBound.Count == 1 ? "it" : "them")}"));
        }
        if (!result.Converged)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the optimiser did not converge in {result.Iterations} iterations; the estimate is the best point found"));
        }
        var (errors, problem) = Curvature.StandardErrors(theta => (-logLikelihood(theta)) + (customers * Penalty(theta)), estimate);
        if (problem is not null)
        {
            notes.Add("no standard errors: " + problem);
        }
        var parameters = names.Select((name, i) => new ParameterEstimate(name, estimate[i], errors?[i])).ToImmutableArray();
        return new ModelFit<TModel>.Fitted(
            create(estimate),
            logLikelihood(estimate),
            parameters,
            customers,
            result.Iterations,
            result.Converged,
            notes.Count == 0 ? null : string.Join("; ", notes) + ".");
    }
}
