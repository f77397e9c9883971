namespace Retention.Domain.Rewards;

/// <summary>
/// The one rule that turns a <see cref="ProgrammeResult"/> into a verdict, so the CLI, the API and the report email say
/// the same thing about the same numbers.
/// </summary>
public static class ProgrammeVerdict
{
    /// <summary>
    /// The fewest matured decisions each group (treated and holdout) needs before a verdict is given. Below it the
    /// normal approximation behind the interval is poor and a single purchase moves the rate by several points.
    /// </summary>
    public const int MinimumMatured = 30;

    /// <summary>
    /// <see cref="UpliftVerdict.TooEarly"/> when either group has fewer than <paramref name="minimumMatured"/> matured
    /// decisions (or no interval); otherwise <see cref="UpliftVerdict.Works"/> when the lower bound is above 0,
    /// <see cref="UpliftVerdict.Hurts"/> when the upper bound is below 0, and <see cref="UpliftVerdict.NoEffectShown"/>
    /// when the interval includes 0 (a bound exactly at 0 included).
    /// </summary>
    public static UpliftVerdict Of(ProgrammeResult result, int minimumMatured = MinimumMatured)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.TreatedMatured < minimumMatured || result.HoldoutMatured < minimumMatured || result.UpliftLow is not { } low || result.UpliftHigh is not { } high)
        {
            return UpliftVerdict.TooEarly;
        }
        return low > 0 ? UpliftVerdict.Works : high < 0 ? UpliftVerdict.Hurts : UpliftVerdict.NoEffectShown;
    }

    /// <summary>The verdict as the reports print it: "works", "no effect shown", "hurts", "too early".</summary>
    public static string Words(UpliftVerdict verdict) => verdict switch
    {
        UpliftVerdict.Works => "works",
        UpliftVerdict.NoEffectShown => "no effect shown",
        UpliftVerdict.Hurts => "hurts",
        UpliftVerdict.TooEarly => "too early",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };
}
