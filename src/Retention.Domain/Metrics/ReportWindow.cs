namespace Retention.Domain.Metrics;

/// <summary>A span of store days, both ends included, that flow metrics are computed over.</summary>
/// <param name="Name">Stable name: <c>month</c>, <c>previousMonth</c>, <c>quarter</c>, <c>previousQuarter</c>, <c>year</c>, <c>previousYear</c>.</param>
/// <param name="Complete">False when the window ends at the as-of day before its calendar end (to date).</param>
public sealed record ReportWindow(string Name, DateOnly Start, DateOnly End, bool Complete)
{
    /// <summary>
    /// The month, quarter and year that contain <paramref name="asOf"/> (to date) and the full ones before them.
    /// </summary>
    public static IReadOnlyList<ReportWindow> Around(DateOnly asOf, bool asOfComplete)
    {
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        var quarter = new DateOnly(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
        var year = new DateOnly(asOf.Year, 1, 1);
        return
        [
            ToDate("month", month, month.AddMonths(1)),
            new("previousMonth", month.AddMonths(-1), month.AddDays(-1), true),
            ToDate("quarter", quarter, quarter.AddMonths(3)),
            new("previousQuarter", quarter.AddMonths(-3), quarter.AddDays(-1), true),
            ToDate("year", year, year.AddYears(1)),
            new("previousYear", year.AddYears(-1), year.AddDays(-1), true),
        ];

        ReportWindow ToDate(string name, DateOnly start, DateOnly nextStart) =>
            new(name, start, asOf, asOfComplete && asOf == nextStart.AddDays(-1));
    }
}
