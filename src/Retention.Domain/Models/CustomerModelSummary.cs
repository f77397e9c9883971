using System.Collections.Immutable;

namespace Retention.Domain.Models;

/// <summary>
/// What the nightly customer-base models found, as the snapshot and the report keep it: either a fit (BG/NBD for
/// purchases, Gamma-Gamma for spend, time in weeks) with store-level predictions and the at-risk list, or the reason
/// why there is no fit, in which case the rules decide win-back and every prediction is null. Never NaN: a number the
/// models could not give is null. Money is in the store currency, rounded to 0.01. Equations: docs/models.md.
/// </summary>
public sealed record CustomerModelSummary
{
    /// <summary>True when BG/NBD was fitted and every customer scored; false for the fallback.</summary>
    public required bool Fitted { get; init; }

    /// <summary>Why the models were not fitted, naming the setting when a threshold decided (null when fitted).</summary>
    public string? Reason { get; init; }

    /// <summary>Caveats about a fit (standard errors missing, Gamma-Gamma not fitted, spend tied to frequency), or null.</summary>
    public string? Note { get; init; }

    /// <summary>Customers with a counted purchase up to the calibration end.</summary>
    public int Customers { get; init; }

    /// <summary>Customers with at least one repeat purchase day (x ≥ 1).</summary>
    public int RepeatCustomers { get; init; }

    /// <summary>The setting <c>Models:MinimumRepeatCustomers</c> the fit was gated on.</summary>
    public int MinimumRepeatCustomers { get; init; }

    /// <summary>BG/NBD r (shape of the purchase-rate distribution).</summary>
    public double? R { get; init; }

    /// <summary>BG/NBD α (rate of the purchase-rate distribution), in weeks.</summary>
    public double? Alpha { get; init; }

    /// <summary>BG/NBD a (drop-out Beta distribution).</summary>
    public double? A { get; init; }

    /// <summary>BG/NBD b (drop-out Beta distribution).</summary>
    public double? B { get; init; }

    /// <summary>Gamma-Gamma p; null when Gamma-Gamma was not fitted.</summary>
    public double? P { get; init; }

    /// <summary>Gamma-Gamma q; null when Gamma-Gamma was not fitted.</summary>
    public double? Q { get; init; }

    /// <summary>Gamma-Gamma γ, in the store currency; null when Gamma-Gamma was not fitted.</summary>
    public double? Gamma { get; init; }

    /// <summary>The BG/NBD log-likelihood at the estimate (natural log, summed over customers).</summary>
    public double? LogLikelihood { get; init; }

    /// <summary>Mean P(alive) over all customers, from 0 to 1 (one-time buyers count as 1: BG/NBD cannot lose them).</summary>
    public double? MeanProbabilityAlive { get; init; }

    /// <summary>Repeat purchase days the existing customers are expected to make in the next 30 days (new customers not included).</summary>
    public double? ExpectedPurchases30Days { get; init; }

    /// <summary>Sum of every customer's 12-month CLV, discounted at <see cref="AnnualDiscountRate"/>.</summary>
    public decimal? TotalClv12Months { get; init; }

    /// <summary>The annual discount rate of the CLV, as a fraction (0.10 = 10 % a year).</summary>
    public double AnnualDiscountRate { get; init; }

    /// <summary>The P(alive) below which a customer counts as probably lapsed (<c>Models:ProbabilityAliveThreshold</c>).</summary>
    public double ProbabilityAliveThreshold { get; init; }

    /// <summary>Customers whose P(alive) is below <see cref="ProbabilityAliveThreshold"/> (only repeat customers can be).</summary>
    public int? CustomersBelowThreshold { get; init; }

    /// <summary>The customers with the most expected value lost, largest first (ties by id, ordinal); empty without a fit.</summary>
    public ImmutableArray<AtRiskCustomer> AtRisk { get; init; } = [];
}
