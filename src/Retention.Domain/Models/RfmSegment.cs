namespace Retention.Domain.Models;

/// <summary>
/// Named RFM segments. The rules (<see cref="RfmScoring.Segment"/>, docs/models.md) are checked in this order and the
/// first that matches wins; together they cover all 125 score combinations.
/// </summary>
public enum RfmSegment
{
    /// <summary>R ≥ 4, F ≥ 4, M ≥ 4: bought recently, often and for a lot.</summary>
    Champions,

    /// <summary>R = 1, F ≥ 4, M ≥ 4: used to buy often and for a lot, but not for a long time.</summary>
    CantLoseThem,

    /// <summary>R ≤ 2, F ≥ 3: bought often, but a while ago.</summary>
    AtRisk,

    /// <summary>R ≥ 3, F ≥ 4: buy often and fairly recently (not a champion).</summary>
    Loyal,

    /// <summary>R = 5, F = 1: first purchase very recently.</summary>
    New,

    /// <summary>R = 4, F = 1: one recent purchase.</summary>
    Promising,

    /// <summary>R ≥ 4, F = 2 or 3: recent, a few purchases.</summary>
    PotentialLoyalists,

    /// <summary>R = 3, F = 3: average recency and frequency.</summary>
    NeedAttention,

    /// <summary>R = 3, F ≤ 2: few purchases, and the last is getting old.</summary>
    AboutToSleep,

    /// <summary>R = 2, F ≤ 2: few purchases, long ago.</summary>
    Hibernating,

    /// <summary>R = 1, F ≤ 2 (and not Can't lose them): few purchases, the longest ago.</summary>
    Lost,
}
