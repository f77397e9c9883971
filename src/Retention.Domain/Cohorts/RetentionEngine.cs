using Retention.Domain.Calendar;
using Retention.Domain.Metrics;

namespace Retention.Domain.Cohorts;

/// <summary>
/// Computes the monthly and weekly cohort tables and the store metrics in one pass over the customers, one customer
/// at a time. It keeps only table cells and counters, so memory does not grow with the number of customers.
/// Purchases after the end of the as-of day (in the store's zone) are ignored, so any past date can be recomputed.
/// </summary>
public sealed class RetentionEngine
{
    /// <summary>The default activity window: a customer is active if they bought in the last 365 days.</summary>
    public const int DefaultActivityWindowDays = 365;

    private readonly StoreCalendar _calendar;
    private readonly DateOnly _asOf;
    private readonly string _currency;
    private readonly CohortAccumulator _monthly;
    private readonly CohortAccumulator _weekly;
    private readonly MetricsAccumulator _metrics;
    private int[] _days = new int[64];
    private decimal[] _amounts = new decimal[64];

    /// <param name="asOfComplete">False while the as-of day is still going on (a report for today); its periods are then in progress.</param>
    public RetentionEngine(StoreCalendar calendar, DateOnly asOf, bool asOfComplete, string currency, int activityWindowDays = DefaultActivityWindowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activityWindowDays, 1);
        _calendar = calendar;
        _asOf = asOf;
        _currency = currency;
        _monthly = new CohortAccumulator(Granularity.Month, asOf, asOfComplete);
        _weekly = new CohortAccumulator(Granularity.Week, asOf, asOfComplete);
        _metrics = new MetricsAccumulator(asOf, activityWindowDays, ReportWindow.Around(asOf, asOfComplete));
    }

    /// <summary>Adds one customer's counted purchases, in any order.</summary>
    public void Add(ReadOnlySpan<CountedPurchase> purchases)
    {
        if (purchases.Length > _days.Length)
        {
            _days = new int[Math.Max(purchases.Length, _days.Length * 2)];
            _amounts = new decimal[_days.Length];
        }
        var count = 0;
        var sorted = true;
        var asOf = _asOf.DayNumber;
        foreach (var purchase in purchases)
        {
            var day = _calendar.DayOf(purchase.At).DayNumber;
            if (day > asOf)
            {
                continue;
            }
            sorted &= count == 0 || day >= _days[count - 1];
            _days[count] = day;
            _amounts[count] = purchase.NetAmount;
            count++;
        }
        if (!sorted)
        {
            Array.Sort(_days, _amounts, 0, count);
        }
        var days = _days.AsSpan(0, count);
        var amounts = _amounts.AsSpan(0, count);
        _monthly.Add(days, amounts);
        _weekly.Add(days, amounts);
        _metrics.Add(days, amounts);
    }

    public RetentionSnapshot Build() =>
        new(_asOf, _calendar.Zone.Id, _currency, _monthly.Build(), _weekly.Build(), _metrics.Build());
}
