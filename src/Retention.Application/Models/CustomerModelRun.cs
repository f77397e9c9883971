using System.Collections.Immutable;
using Retention.Domain.Customers;
using Retention.Domain.Models;

namespace Retention.Application.Models;

/// <summary>
/// The outcome of <see cref="FitCustomerModels"/>: the fitted models and every customer's predictions, or the reason
/// why there is no fit (then <see cref="Predictions"/> and <see cref="AtRisk"/> are empty and the rules decide).
/// Time in weeks, money in the store currency. Ids only, no personal data.
/// </summary>
/// <param name="AsOf">The last store day of the calibration period (purchases up to its end count).</param>
/// <param name="Reason">Why there is no fit (null when <see cref="Fitted"/>).</param>
/// <param name="Note">Caveats about the fit a reader must see, or null.</param>
/// <param name="PurchaseParameters">BG/NBD r, alpha, a, b with standard errors (empty without a fit).</param>
/// <param name="SpendParameters">Gamma-Gamma p, q, gamma with standard errors (empty when it was not fitted).</param>
/// <param name="LogLikelihood">BG/NBD log-likelihood at the estimate (null without a fit).</param>
/// <param name="Customers">Customers with a counted purchase up to <paramref name="AsOf"/>.</param>
/// <param name="RepeatCustomers">Of them, those with at least one repeat purchase day.</param>
/// <param name="Predictions">Every customer's predictions (empty without a fit).</param>
/// <param name="AtRisk">The customers with the most expected value lost, largest first, at most <c>Models:AtRiskListSize</c>.</param>
/// <param name="Summary">What the snapshot and the report keep of this run.</param>
public sealed record CustomerModelRun(
    DateOnly AsOf,
    bool Fitted,
    string? Reason,
    string? Note,
    BgNbdModel? PurchaseModel,
    GammaGammaModel? SpendModel,
    ImmutableArray<ParameterEstimate> PurchaseParameters,
    ImmutableArray<ParameterEstimate> SpendParameters,
    double? LogLikelihood,
    int Customers,
    int RepeatCustomers,
    double ProbabilityAliveThreshold,
    IReadOnlyDictionary<CustomerId, CustomerPrediction> Predictions,
    ImmutableArray<AtRiskCustomer> AtRisk,
    CustomerModelSummary Summary,
    ModelRunTimings Timings)
{
    /// <summary>Wall-clock time of the whole run, saving included.</summary>
    public TimeSpan Elapsed => Timings.Total;

    /// <summary>The customer's P(alive) from 0 to 1, or null without a fit or for a customer who had not bought by <see cref="AsOf"/>.</summary>
    public double? ProbabilityAlive(CustomerId customerId) =>
        Predictions.TryGetValue(customerId, out var prediction) ? prediction.ProbabilityAlive : null;

    /// <summary>
    /// P(alive) from 0 to 1 for a customer who bought again by <see cref="AsOf"/> (x ≥ 1), the only customers BG/NBD can
    /// judge; null without a fit, for an unknown customer, and for a one-time buyer (whose P(alive) is 1 by the model's
    /// assumptions), so that a caller falls back to its rules for them. This is what win-back should be given.
    /// </summary>
    public double? RepeatCustomerProbabilityAlive(CustomerId customerId) =>
        Predictions.TryGetValue(customerId, out var prediction) && prediction.RepeatPurchases > 0 ? prediction.ProbabilityAlive : null;

    /// <summary>
    /// True when the model says the customer has probably lapsed: fitted, a repeat customer, and P(alive) below
    /// <see cref="ProbabilityAliveThreshold"/>; false otherwise. Null when the model cannot judge: no fit, an unknown
    /// customer, or a one-time buyer (x = 0, whom BG/NBD always holds alive): then the rules should decide.
    /// </summary>
    public bool? IsLapsed(CustomerId customerId) =>
        Predictions.TryGetValue(customerId, out var prediction) && prediction.RepeatPurchases > 0
            ? prediction.ProbabilityAlive < ProbabilityAliveThreshold
            : null;
}
