namespace Retention.Domain.Rewards;

/// <summary>What a programme's uplift says, in plain words (<see cref="ProgrammeVerdict.Of"/> decides).</summary>
public enum UpliftVerdict
{
    /// <summary>A group (treated or holdout) has fewer matured decisions than the minimum: no verdict yet.</summary>
    TooEarly,

    /// <summary>The whole 95 % interval is above 0: the programme brings customers back.</summary>
    Works,

    /// <summary>The 95 % interval includes 0: no effect could be shown (which is not proof that there is none).</summary>
    NoEffectShown,

    /// <summary>The whole 95 % interval is below 0: customers who got the messages came back less.</summary>
    Hurts,
}
