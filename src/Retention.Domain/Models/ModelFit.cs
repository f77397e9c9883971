using System.Collections.Immutable;

namespace Retention.Domain.Models;

/// <summary>The outcome of fitting a model by maximum likelihood: a fitted model, or why the data cannot support one.</summary>
/// <typeparam name="TModel">The fitted model type (<see cref="BgNbdModel"/>, <see cref="GammaGammaModel"/>).</typeparam>
public abstract record ModelFit<TModel>
    where TModel : class
{
    private ModelFit()
    {
    }

    /// <summary>A maximum-likelihood fit.</summary>
    /// <param name="Model">The model at the estimate.</param>
    /// <param name="LogLikelihood">The (unpenalised) log-likelihood at the estimate, natural log, summed over customers.</param>
    /// <param name="Parameters">Each parameter with its standard error (null when unavailable, see <paramref name="Note"/>).</param>
    /// <param name="Customers">Customers the fit used.</param>
    /// <param name="Iterations">Optimiser iterations over all restarts.</param>
    /// <param name="Converged">False when the optimiser ran out of iterations before a restart confirmed the optimum;
    /// the estimate is then the best point found and should not be trusted.</param>
    /// <param name="Note">Caveats a reader must see (no standard errors, a parameter at its bound), or null.</param>
    public sealed record Fitted(
        TModel Model,
        double LogLikelihood,
        ImmutableArray<ParameterEstimate> Parameters,
        int Customers,
        int Iterations,
        bool Converged,
        string? Note) : ModelFit<TModel>;

    /// <summary>The data cannot identify the model (too few customers, nobody bought again, ...); nothing was fitted.</summary>
    /// <param name="Reason">A sentence a store owner can read, naming the shortfall.</param>
    public sealed record NotFitted(string Reason) : ModelFit<TModel>;
}
