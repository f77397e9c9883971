using System.Collections.Immutable;

namespace Retention.Domain.Models;

/// <summary>
/// Builds the per-customer (x, t_x, T, m_x) summary the way lifetimes' <c>calibration_and_holdout_data</c> does with
/// daily data: all of a customer's purchases on one day are one purchase (amounts summed); the first purchase day is
/// not a repeat purchase; x = the other purchase days up to the calibration end; t_x = days from the first to the last
/// of them; T = days from the first purchase day to the calibration end; t_x and T divided by the days in the unit (so
/// weeks are fractional: 10 days = 1.4286 weeks). The holdout count is the number of purchase days after the
/// calibration end, up to the holdout end.
/// </summary>
public static class CalibrationHoldout
{
    /// <param name="calibrationEnd">Last day of the calibration period (included).</param>
    /// <param name="holdoutEnd">Last day of the holdout period (included), on or after the calibration end; default: the
    /// last transaction's day (or the calibration end if that is later). Transactions after it are ignored.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdoutEnd"/> is before the calibration end.</exception>
    public static CalibrationSplit Build(IEnumerable<CustomerTransaction> transactions, DateOnly calibrationEnd, ModelTimeUnit unit, DateOnly? holdoutEnd = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit.");
        }
        var list = transactions as IReadOnlyCollection<CustomerTransaction> ?? [.. transactions];
        var end = holdoutEnd ?? (list.Count == 0 ? calibrationEnd : Max(list.Max(t => t.Day), calibrationEnd));
        if (end < calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutEnd), holdoutEnd, "The holdout end must not be before the calibration end.");
        }
        double days = (int)unit;
        var customers = ImmutableArray.CreateBuilder<CalibrationCustomer>();
        var later = 0;
        foreach (var customer in list.Where(t => t.Day <= end).GroupBy(t => t.Customer).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var byDay = customer.GroupBy(t => t.Day).Select(g => (Day: g.Key, Amount: g.Sum(t => t.Amount))).OrderBy(d => d.Day).ToList();
            var first = byDay[0].Day;
            if (first > calibrationEnd)
            {
                later++;
                continue;
            }
            var repeats = byDay.Skip(1).Where(d => d.Day <= calibrationEnd).ToList();
            var x = repeats.Count;
            var recency = x == 0 ? 0 : (repeats[^1].Day.DayNumber - first.DayNumber) / days;
            var age = (calibrationEnd.DayNumber - first.DayNumber) / days;
            customers.Add(new CalibrationCustomer(
                customer.Key,
                first,
                RepeatHistory.Create(x, recency, age),
                x == 0 ? 0m : repeats.Sum(d => d.Amount) / x,
                byDay.Count(d => d.Day > calibrationEnd)));
        }
        return new CalibrationSplit(calibrationEnd, end, unit, (end.DayNumber - calibrationEnd.DayNumber) / days, customers.ToImmutable(), later);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
