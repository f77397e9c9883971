using System.ComponentModel.DataAnnotations;

namespace Retention.Application.Models;

/// <summary>
/// Settings under <c>Models</c>: when the nightly job trusts the customer-base models (BG/NBD, Gamma-Gamma) and how it
/// reports them. See docs/models.md.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "Models";

    /// <summary>
    /// Fit only when at least this many customers bought again (x ≥ 1) by the as-of day; below it the rules decide
    /// win-back and the report says why. Repeat purchases are what identify the model; below a few hundred its
    /// standard errors are large.
    /// </summary>
    [Range(1, 100_000_000, ErrorMessage = "Models:MinimumRepeatCustomers must be from 1 to 100,000,000.")]
    public int MinimumRepeatCustomers { get; set; } = 200;

    /// <summary>A customer whose probability alive is below this (a share from 0 to 1, exclusive) counts as probably lapsed.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true,
        ErrorMessage = "Models:ProbabilityAliveThreshold must be a share between 0 and 1, both excluded (such as 0.3).")]
    public double ProbabilityAliveThreshold { get; set; } = 0.3;

    /// <summary>How many customers the at-risk list in the snapshot, the report and its email shows (0: none).</summary>
    [Range(0, 1000, ErrorMessage = "Models:AtRiskListSize must be from 0 to 1000.")]
    public int AtRiskListSize { get; set; } = 10;

    /// <summary>Annual discount rate of the 12-month customer lifetime value, as a fraction (0.10 = 10 % a year).</summary>
    [Range(0.0, 10.0, ErrorMessage = "Models:AnnualDiscountRate must be a fraction from 0 to 10 (0.10 = 10 % a year).")]
    public double AnnualDiscountRate { get; set; } = 0.10;
}
