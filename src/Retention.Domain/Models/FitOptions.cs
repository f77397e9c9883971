namespace Retention.Domain.Models;

/// <summary>
/// Settings of a maximum-likelihood fit (BG/NBD or Gamma-Gamma).
/// </summary>
public sealed record FitOptions
{
    /// <summary>
    /// L2 penalty λ ≥ 0: the fit minimises −ln L / N + λ Σ θ² over the natural parameters θ (as lifetimes does), which
    /// pulls parameters towards 0 on small or degenerate data. The penalty depends on the units (α in days is 7 times α
    /// in weeks), so choose it for the unit you fit in. 0 (the default) is the plain maximum-likelihood estimate.
    /// </summary>
    public double Penalizer { get; init; }

    /// <summary>Fewer customers than this (after leaving out those the model cannot use) gives a "not fitted" result
    /// instead of an estimate. Default 20.</summary>
    public int MinimumCustomers { get; init; } = 20;

    /// <summary>Fewer customers with at least one repeat purchase than this gives a "not fitted" result: repeat
    /// purchases are what identifies the purchase and drop-out processes. Default 5.</summary>
    public int MinimumRepeatCustomers { get; init; } = 5;

    /// <summary>Optimiser iteration budget over all restarts. Default 20,000.</summary>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>Convergence tolerance on the mean negative log-likelihood per customer. Default 1e-12.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The defaults.</summary>
    public static FitOptions Default { get; } = new();

    internal void Validate()
    {
        if (!double.IsFinite(Penalizer) || Penalizer < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Penalizer), Penalizer, "The penalizer must be a finite number ≥ 0.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumCustomers, 1, nameof(MinimumCustomers));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumRepeatCustomers, 1, nameof(MinimumRepeatCustomers));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        if (!(Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be > 0.");
        }
    }
}
