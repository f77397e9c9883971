namespace Retention.Application.Models;

/// <summary>
/// One customer's predictions as of the end of the calibration period (the as-of day), from the fitted BG/NBD and
/// Gamma-Gamma models with time in weeks. Money in the store currency, rounded to 0.01. Definitions: docs/models.md.
/// </summary>
/// <param name="RepeatPurchases">x: repeat purchase days up to the as-of day (the first purchase day not counted).
/// BG/NBD gives customers with x = 0 a probability alive of exactly 1, so for them it cannot tell "lapsed".</param>
/// <param name="LastPurchase">The store day of the last counted purchase up to the as-of day.</param>
/// <param name="ProbabilityAlive">P(alive | x, t_x, T), from 0 to 1.</param>
/// <param name="ExpectedPurchases30Days">Expected purchase days in the 30 days after the as-of day, ≥ 0.</param>
/// <param name="ExpectedPurchases90Days">Expected purchase days in the 90 days after the as-of day, ≥ 0.</param>
/// <param name="NextOrderDue">The store day by which, if the customer is still alive, the chance of having bought again
/// reaches one half (the median of the next purchase time); null when that is more than two years away.</param>
/// <param name="Clv12Months">Expected value of the purchases in the next 12 months, discounted monthly at the annual rate.</param>
/// <param name="ValueLost">(1 − P(alive)) × the 12-month value if alive: the expected value lost to the customer having
/// left; ≥ 0.</param>
public readonly record struct CustomerPrediction(
    int RepeatPurchases,
    DateOnly LastPurchase,
    double ProbabilityAlive,
    double ExpectedPurchases30Days,
    double ExpectedPurchases90Days,
    DateOnly? NextOrderDue,
    decimal Clv12Months,
    decimal ValueLost);
