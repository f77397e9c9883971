using Retention.Domain.Customers;

namespace Retention.Domain.Models;

/// <summary>
/// One customer of a <see cref="CalibrationSplit"/>: their calibration-period history, their mean repeat spend and
/// how many purchase days they had in the holdout period.
/// </summary>
/// <param name="FirstPurchase">The day of the first purchase (the start of the customer's time line).</param>
/// <param name="History">x = repeat purchase days in the calibration period, t_x and T in the split's unit.</param>
/// <param name="MeanRepeatSpend">Mean value of the repeat purchase days in the calibration period (each day's
/// purchases summed; the first day left out); 0 when x = 0. Not rounded.</param>
/// <param name="HoldoutPurchases">Purchase days after the calibration end, up to the holdout end (both as in the split).</param>
public sealed record CalibrationCustomer(CustomerId Customer, DateOnly FirstPurchase, RepeatHistory History, decimal MeanRepeatSpend, int HoldoutPurchases)
{
    /// <summary>The customer's (x, m_x) for the Gamma-Gamma model.</summary>
    public RepeatSpend Spend => new(History.Frequency, MeanRepeatSpend);
}
