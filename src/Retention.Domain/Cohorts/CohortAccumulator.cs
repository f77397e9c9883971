using System.Collections.Immutable;

namespace Retention.Domain.Cohorts;

/// <summary>
/// Builds a <see cref="CohortTable"/> from customers streamed one at a time, holding only the table's cells
/// (never the purchases), so memory does not grow with the number of customers.
/// </summary>
internal sealed class CohortAccumulator(Granularity granularity, DateOnly asOf, bool asOfComplete)
{
    private readonly Period _current = Period.Of(asOf, granularity);
    private readonly Dictionary<int, Row> _rows = [];

    /// <summary>Adds one customer: store day numbers of their counted purchases up to the as-of day, ascending, with net amounts.</summary>
    public void Add(ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts)
    {
        if (days.IsEmpty)
        {
            return;
        }
        var cohort = Period.Of(DateOnly.FromDayNumber(days[0]), granularity).Index;
        if (!_rows.TryGetValue(cohort, out var row))
        {
            _rows[cohort] = row = new Row(_current.Index - cohort + 1);
        }
        row.Size++;
        var last = -1;
        for (var i = 0; i < days.Length; i++)
        {
            var k = i > 0 && days[i] == days[i - 1] ? last : PeriodIndex(days[i]) - cohort;
            if (k != last)
            {
                row.On[k]++;
                last = k;
            }
            row.Revenue[k] += amounts[i];
        }
        row.LastActive[last]++;
    }

    public CohortTable Build()
    {
        var rows = ImmutableArray.CreateBuilder<CohortRow>();
        if (_rows.Count > 0)
        {
            for (var index = _rows.Keys.Min(); index <= _current.Index; index++)
            {
                var width = _current.Index - index + 1;
                var row = _rows.GetValueOrDefault(index) ?? new Row(width);
                var onOrAfter = new int[width];
                var running = 0;
                for (var k = width - 1; k >= 0; k--)
                {
                    running += row.LastActive[k];
                    onOrAfter[k] = running;
                }
                rows.Add(new CohortRow(new Period(granularity, index), row.Size, [.. row.On], [.. onOrAfter], [.. row.Revenue]));
            }
        }
        return new CohortTable(granularity, asOf, _current, asOfComplete && asOf == _current.End, rows.ToImmutable());
    }

    private int PeriodIndex(int dayNumber)
    {
        if (granularity == Granularity.Week)
        {
            return dayNumber / 7;
        }
        var day = DateOnly.FromDayNumber(dayNumber);
        return (day.Year * 12) + day.Month - 1;
    }

    private sealed class Row(int width)
    {
        public int Size;
        public readonly int[] On = new int[width];
        public readonly int[] LastActive = new int[width];
        public readonly decimal[] Revenue = new decimal[width];
    }
}
