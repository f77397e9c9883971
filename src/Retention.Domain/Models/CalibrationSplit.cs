using System.Collections.Immutable;

namespace Retention.Domain.Models;

/// <summary>
/// Transactions summarised per customer for fitting on a calibration period and checking on a holdout period.
/// The calibration period runs from the first transaction to <see cref="CalibrationEnd"/>, that day included; the
/// holdout from the day after to <see cref="HoldoutEnd"/>, included.
/// </summary>
/// <param name="HoldoutLength">(HoldoutEnd − CalibrationEnd) in days ÷ days per <see cref="Unit"/>; 0 when there is no holdout.</param>
/// <param name="Customers">Customers whose first purchase is on or before the calibration end, ordered by id.</param>
/// <param name="CustomersAfterCalibration">Customers whose first purchase is after the calibration end: they are not in
/// the calibration cohort and are left out.</param>
public sealed record CalibrationSplit(
    DateOnly CalibrationEnd,
    DateOnly HoldoutEnd,
    ModelTimeUnit Unit,
    double HoldoutLength,
    ImmutableArray<CalibrationCustomer> Customers,
    int CustomersAfterCalibration)
{
    /// <summary>The calibration histories, in the order of <see cref="Customers"/>.</summary>
    public ImmutableArray<RepeatHistory> Histories => [.. Customers.Select(c => c.History)];

    /// <summary>The calibration (x, m_x), in the order of <see cref="Customers"/>.</summary>
    public ImmutableArray<RepeatSpend> Spends => [.. Customers.Select(c => c.Spend)];
}
