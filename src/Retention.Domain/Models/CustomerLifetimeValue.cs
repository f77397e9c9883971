namespace Retention.Domain.Models;

/// <summary>
/// Expected customer lifetime value over a finite horizon (the "residual" CLV from the end of the observation period):
/// CLV = Σₖ₌₁..K (E[Y(kΔ) | x, t_x, T] − E[Y((k−1)Δ) | x, t_x, T]) · E[M] / (1 + d)^k,
/// with Δ = <see cref="ClvHorizon.StepLength"/>, d = <see cref="ClvHorizon.DiscountRatePerStep"/>, K = steps,
/// E[Y] from <see cref="BgNbdModel.ExpectedPurchases"/> and E[M] the expected value per purchase. In the store currency,
/// not rounded.
/// </summary>
public static class CustomerLifetimeValue
{
    /// <summary>CLV with a given expected value per purchase (for example a margin rather than revenue).</summary>
    /// <param name="expectedSpend">Expected value of each future purchase, in the store currency.</param>
    public static decimal Compute(BgNbdModel purchases, RepeatHistory history, decimal expectedSpend, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(horizon);
        var discountedPurchases = 0.0;
        var before = 0.0;
        for (var k = 1; k <= horizon.Steps; k++)
        {
            var upTo = purchases.ExpectedPurchases(history, k * horizon.StepLength);
            discountedPurchases += (upTo - before) / Math.Pow(1 + horizon.DiscountRatePerStep, k);
            before = upTo;
        }
        return (decimal)discountedPurchases * expectedSpend;
    }

    /// <summary>
    /// CLV with E[M] from the Gamma-Gamma model's conditional expected average spend for this customer; null when that
    /// is not finite (see <see cref="GammaGammaModel.ConditionalExpectedAverageSpend"/>).
    /// </summary>
    /// <param name="spend">The customer's x and mean repeat spend m_x; x must equal the history's frequency.</param>
    public static decimal? Compute(BgNbdModel purchases, GammaGammaModel spendModel, RepeatHistory history, RepeatSpend spend, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(spendModel);
        if (spend.Frequency != history.Frequency)
        {
            throw new ArgumentException($"The spend's frequency ({spend.Frequency}) must equal the history's ({history.Frequency}).", nameof(spend));
        }
        return spendModel.ConditionalExpectedAverageSpend(spend) is { } expected ? Compute(purchases, history, expected, horizon) : null;
    }
}
