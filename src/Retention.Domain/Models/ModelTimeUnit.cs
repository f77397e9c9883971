namespace Retention.Domain.Models;

/// <summary>
/// The unit in which the models measure time (recency, age, prediction horizons). Fitted parameters depend on it:
/// α (BG/NBD) is in this unit, so a model fitted in weeks must be asked about weeks.
/// </summary>
public enum ModelTimeUnit
{
    /// <summary>One calendar day.</summary>
    Day = 1,

    /// <summary>Seven calendar days.</summary>
    Week = 7,
}
