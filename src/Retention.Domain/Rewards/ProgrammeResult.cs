namespace Retention.Domain.Rewards;

/// <summary>
/// Whether a programme brought customers back, measured against its holdout group. Only matured decisions (made at
/// least the conversion window before the as-of time) count toward the rates. Rates are shares from 0 to 1; the
/// uplift is treated rate minus holdout rate (absolute, in share points), with a 95 % normal-approximation interval.
/// Rates and uplift are null when a group has no matured decision.
/// </summary>
/// <param name="Decided">All decisions of the programme, held out or not.</param>
/// <param name="HeldOut">Decisions for holdout customers (nothing sent).</param>
/// <param name="Sent">Decisions whose email was sent.</param>
public sealed record ProgrammeResult(
    string Programme,
    int Decided,
    int HeldOut,
    int Sent,
    int TreatedMatured,
    int TreatedConverted,
    int HoldoutMatured,
    int HoldoutConverted,
    double? TreatedRate,
    double? HoldoutRate,
    double? Uplift,
    double? UpliftLow,
    double? UpliftHigh);
