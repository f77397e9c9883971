namespace Retention.Domain.Models;

/// <summary>
/// The horizon of a customer-lifetime-value sum: <see cref="Steps"/> steps of <see cref="StepLength"/> model time units
/// each, cash discounted at <see cref="DiscountRatePerStep"/> per step (so the k-th step's value is divided by
/// (1 + d)^k: purchases are valued at the end of the step they fall in). The step length must be in the unit the
/// BG/NBD model was fitted in; <see cref="Monthly"/> converts a month into that unit so callers do not have to.
/// </summary>
public sealed record ClvHorizon
{
    /// <summary>Days in an average Gregorian month: 365.2425 / 12.</summary>
    public const double DaysPerMonth = 365.2425 / 12;

    /// <param name="steps">Number of steps, ≥ 1.</param>
    /// <param name="stepLength">Length of one step in the model's time unit, finite and &gt; 0.</param>
    /// <param name="discountRatePerStep">Discount rate per step, as a fraction (0.01 = 1 %), finite and &gt; −1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its bounds.</exception>
    public ClvHorizon(int steps, double stepLength, double discountRatePerStep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!double.IsFinite(stepLength) || stepLength <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stepLength), stepLength, "The step length must be a finite number of time units > 0.");
        }
        if (!double.IsFinite(discountRatePerStep) || discountRatePerStep <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(discountRatePerStep), discountRatePerStep, "The discount rate per step must be finite and > −1.");
        }
        (Steps, StepLength, DiscountRatePerStep) = (steps, stepLength, discountRatePerStep);
    }

    /// <summary>Number of steps.</summary>
    public int Steps { get; }

    /// <summary>Length of one step, in the model's time unit.</summary>
    public double StepLength { get; }

    /// <summary>Discount rate per step, as a fraction.</summary>
    public double DiscountRatePerStep { get; }

    /// <summary>The total horizon in the model's time unit: <see cref="Steps"/> × <see cref="StepLength"/>.</summary>
    public double Length => Steps * StepLength;

    /// <summary>
    /// Monthly steps over <paramref name="months"/> months, for a model fitted in <paramref name="unit"/>: one step is
    /// an average month of <see cref="DaysPerMonth"/> days (30.44 days, 4.348 weeks), and the annual discount rate is
    /// turned into the equivalent monthly one, (1 + annual)^(1/12) − 1, so 12 monthly steps discount a year by exactly
    /// the annual rate.
    /// </summary>
    /// <param name="annualDiscountRate">Annual discount rate as a fraction (0.10 = 10 % a year), finite and &gt; −1.</param>
    public static ClvHorizon Monthly(int months, ModelTimeUnit unit, double annualDiscountRate)
    {
        if (!double.IsFinite(annualDiscountRate) || annualDiscountRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(annualDiscountRate), annualDiscountRate, "The annual discount rate must be finite and > −1.");
        }
        return new ClvHorizon(months, DaysPerMonth / (int)unit, Math.Pow(1 + annualDiscountRate, 1.0 / 12) - 1);
    }
}
