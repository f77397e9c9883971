namespace Retention.Domain.Metrics;

/// <summary>Builds <see cref="StoreMetrics"/> from customers streamed one at a time; holds counters only.</summary>
internal sealed class MetricsAccumulator
{
    private readonly DateOnly _asOf;
    private readonly int _windowDays;
    private readonly IReadOnlyList<ReportWindow> _windows;
    private readonly WindowCounters[] _counters;
    private readonly Dictionary<int, int> _daysToSecond = [];
    private readonly int _previousMonthEnd;
    private int _customers;
    private int _active;
    private int _repeat;
    private int _previousCustomers;
    private int _previousActive;
    private int _previousRepeat;

    public MetricsAccumulator(DateOnly asOf, int activityWindowDays, IReadOnlyList<ReportWindow> windows)
    {
        _asOf = asOf;
        _windowDays = activityWindowDays;
        _windows = windows;
        _counters = [.. windows.Select(w => new WindowCounters(w.Start.DayNumber, w.End.DayNumber))];
        _previousMonthEnd = new DateOnly(asOf.Year, asOf.Month, 1).AddDays(-1).DayNumber;
    }

    /// <summary>Adds one customer: store day numbers of counted purchases up to the as-of day, ascending, with net amounts.</summary>
    public void Add(ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts)
    {
        if (days.IsEmpty)
        {
            return;
        }
        _customers++;
        if (days[^1] > _asOf.DayNumber - _windowDays)
        {
            _active++;
        }
        if (days.Length >= 2)
        {
            _repeat++;
            var gap = days[1] - days[0];
            _daysToSecond[gap] = _daysToSecond.GetValueOrDefault(gap) + 1;
        }
        var upToPreviousMonthEnd = LowerBound(days, _previousMonthEnd + 1);
        if (upToPreviousMonthEnd > 0)
        {
            _previousCustomers++;
            _previousRepeat += upToPreviousMonthEnd >= 2 ? 1 : 0;
            _previousActive += days[upToPreviousMonthEnd - 1] > _previousMonthEnd - _windowDays ? 1 : 0;
        }
        foreach (var c in _counters)
        {
            if (AnyIn(days, c.Start - _windowDays, c.Start - 1))
            {
                c.ActiveAtStart++;
            }
            if (AnyIn(days, c.End - _windowDays + 1, c.End))
            {
                c.ActiveAtEnd++;
            }
            var from = LowerBound(days, c.Start);
            var to = LowerBound(days, c.End + 1);
            if (from == to)
            {
                continue;
            }
            c.Buyers++;
            for (var i = from; i < to; i++)
            {
                if (i == 0)
                {
                    c.New++;
                    c.FirstOrders++;
                    c.FirstRevenue += amounts[i];
                }
                else
                {
                    c.RepeatOrders++;
                    c.RepeatRevenue += amounts[i];
                }
            }
        }
    }

    public StoreMetrics Build() => new(
        _asOf,
        _windowDays,
        _customers,
        _active,
        _repeat,
        _customers == 0 ? null : 100.0 * _repeat / _customers,
        Median(_daysToSecond),
        new StockMetrics(DateOnly.FromDayNumber(_previousMonthEnd), _previousCustomers, _previousActive,
            _previousCustomers == 0 ? null : 100.0 * _previousRepeat / _previousCustomers),
        [.. _windows.Zip(_counters, (window, c) =>
        {
            var crr = RetentionRate.Compute(c.ActiveAtStart, c.ActiveAtEnd, c.New);
            var revenue = c.FirstRevenue + c.RepeatRevenue;
            return new WindowMetrics(
                window, c.ActiveAtStart, c.ActiveAtEnd, c.New, crr, 100 - crr,
                c.Buyers, c.FirstOrders, c.RepeatOrders, c.FirstRevenue, c.RepeatRevenue,
                c.FirstOrders == 0 ? null : c.FirstRevenue / c.FirstOrders,
                c.RepeatOrders == 0 ? null : c.RepeatRevenue / c.RepeatOrders,
                revenue == 0 ? null : (double)(100 * c.RepeatRevenue / revenue),
                c.Buyers == 0 ? null : (double)(c.FirstOrders + c.RepeatOrders) / c.Buyers);
        })]);

    /// <summary>The exact median of a histogram (value → count): the middle value, or the mean of the two middle values.</summary>
    internal static double? Median(Dictionary<int, int> histogram)
    {
        var total = histogram.Values.Sum(v => (long)v);
        if (total == 0)
        {
            return null;
        }
        var lowRank = (total - 1) / 2;
        var highRank = total / 2;
        double? low = null;
        long seen = 0;
        foreach (var (value, count) in histogram.OrderBy(e => e.Key))
        {
            if (low is null && seen + count > lowRank)
            {
                low = value;
            }
            if (seen + count > highRank)
            {
                return (low!.Value + value) / 2.0;
            }
            seen += count;
        }
        throw new InvalidOperationException("Unreachable: the ranks lie within the histogram.");
    }

    private static bool AnyIn(ReadOnlySpan<int> days, int from, int to)
    {
        var i = LowerBound(days, from);
        return i < days.Length && days[i] <= to;
    }

    /// <summary>The index of the first day ≥ <paramref name="value"/> (days ascending).</summary>
    private static int LowerBound(ReadOnlySpan<int> days, int value)
    {
        int lo = 0, hi = days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (days[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private sealed class WindowCounters(int start, int end)
    {
        public int Start { get; } = start;
        public int End { get; } = end;
        public int ActiveAtStart { get; set; }
        public int ActiveAtEnd { get; set; }
        public int New { get; set; }
        public int Buyers { get; set; }
        public int FirstOrders { get; set; }
        public int RepeatOrders { get; set; }
        public decimal FirstRevenue { get; set; }
        public decimal RepeatRevenue { get; set; }
    }
}
