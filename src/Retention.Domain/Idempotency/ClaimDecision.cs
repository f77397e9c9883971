namespace Retention.Domain.Idempotency;

/// <summary>What a request does when its order id is already claimed.</summary>
public enum ClaimDecision
{
    /// <summary>Same request, already recorded: answer with the first response.</summary>
    Replay,

    /// <summary>Same request, whose earlier attempt claimed the id but did not write the order: finish it.</summary>
    Complete,

    /// <summary>A different request for the same order id: refuse with 409.</summary>
    Conflict,

    /// <summary>A different request, and the earlier claim was abandoned long ago without an order: take the id over.</summary>
    TakeOver,
}
