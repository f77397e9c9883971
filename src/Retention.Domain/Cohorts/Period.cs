using System.Globalization;

namespace Retention.Domain.Cohorts;

/// <summary>
/// A calendar month or ISO week, identified by a number that increases by one per period, so that
/// "k periods after" is plain subtraction. Both bounds (<see cref="Start"/>, <see cref="End"/>) are part of the period.
/// </summary>
public readonly record struct Period(Granularity Granularity, int Index) : IComparable<Period>
{
    /// <summary>The period a store day falls in.</summary>
    public static Period Of(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Month => new Period(granularity, (day.Year * 12) + day.Month - 1),
        // Day number 0 (0001-01-01) is a Monday, so whole weeks of day numbers are ISO weeks.
        _ => new Period(granularity, day.DayNumber / 7),
    };

    /// <summary>The first day of the period (inclusive).</summary>
    public DateOnly Start => Granularity == Granularity.Month
        ? new DateOnly(Index / 12, (Index % 12) + 1, 1)
        : DateOnly.FromDayNumber(Index * 7);

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Granularity == Granularity.Month ? Start.AddMonths(1).AddDays(-1) : Start.AddDays(6);

    public Period Plus(int periods) => this with { Index = Index + periods };

    /// <summary>How many periods <paramref name="later"/> is after this one.</summary>
    public int PeriodsUntil(Period later) => later.Index - Index;

    /// <summary><c>2011-01</c> for months, <c>2011-W03</c> for ISO weeks.</summary>
    public string Label => Granularity == Granularity.Month
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}");

    public int CompareTo(Period other) => Index.CompareTo(other.Index);

    public static bool operator <(Period left, Period right) => left.Index < right.Index;
    public static bool operator >(Period left, Period right) => left.Index > right.Index;
    public static bool operator <=(Period left, Period right) => left.Index <= right.Index;
    public static bool operator >=(Period left, Period right) => left.Index >= right.Index;

    /// <summary>Parses a label made by <see cref="Label"/>.</summary>
    public static Period Parse(string label)
    {
        if (label.Length == 7 && DateOnly.TryParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return Of(month, Granularity.Month);
        }
        if (label.Length == 8 && label[4..6] == "-W"
            && int.TryParse(label[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(label[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            return Of(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)), Granularity.Week);
        }
        throw new FormatException($"'{label}' is not a period label such as 2011-01 or 2011-W03.");
    }

    public override string ToString() => Label;
}
