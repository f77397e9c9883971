using System.Globalization;
using Retention.Domain.Rewards;

namespace Retention.Application.Reports;

/// <summary>
/// One programme's row as the terminal table and the report email show it, formatted once so both say the same:
/// counts with group separators, rates as percent with one decimal (<c>25.4 %</c>), the uplift in percentage points with
/// its 95 % interval (<c>+5.1 pts [+2.0, +8.2]</c>) and the verdict in plain words (<see cref="ProgrammeVerdict"/>).
/// Missing values (a group with no matured decision) show as <c>–</c>.
/// </summary>
public sealed record ProgrammeLine(
    string Programme,
    string Decided,
    string Sent,
    string HeldOut,
    string TreatedRate,
    string HoldoutRate,
    string Uplift,
    UpliftVerdict Verdict)
{
    /// <summary>The column headings, in the order of the properties above.</summary>
    public static readonly IReadOnlyList<string> Headings =
        ["Programme", "Decided", "Sent", "Held out", "Converted (treated)", "Converted (holdout)", "Uplift [95 % interval]", "Verdict"];

    /// <summary>"works", "no effect shown", "hurts" or "too early".</summary>
    public string VerdictWords => ProgrammeVerdict.Words(Verdict);

    public static ProgrammeLine From(ProgrammeResult result, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ProgrammeLine(
            result.Programme,
            result.Decided.ToString("N0", culture),
            result.Sent.ToString("N0", culture),
            result.HeldOut.ToString("N0", culture),
            Percent(result.TreatedRate, culture),
            Percent(result.HoldoutRate, culture),
            result is { Uplift: { } uplift, UpliftLow: { } low, UpliftHigh: { } high }
                ? $"{Points(uplift, culture)} pts [{Points(low, culture)}, {Points(high, culture)}]"
                : "–",
            ProgrammeVerdict.Of(result));
    }

    /// <summary>A share (0..1) as percent with one decimal: 0.2543 → <c>25.4 %</c>.</summary>
    public static string Percent(double? share, CultureInfo culture) =>
        share is { } s ? (s * 100).ToString("0.0", culture) + " %" : "–";

    /// <summary>A difference of shares as signed percentage points with one decimal: 0.051 → <c>+5.1</c>, −0.013 → <c>−1.3</c>.</summary>
    public static string Points(double difference, CultureInfo culture)
    {
        var points = Math.Round(difference * 100, 1, MidpointRounding.AwayFromZero);
        return (points < 0 ? "−" : "+") + Math.Abs(points).ToString("0.0", culture);
    }
}
