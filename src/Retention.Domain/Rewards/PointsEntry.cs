namespace Retention.Domain.Rewards;

/// <summary>One line of the points ledger: points earned by an order at <see cref="At"/> (positive), or the balance expiring (negative).</summary>
/// <param name="Kind"><c>earned</c> or <c>expired</c>.</param>
public sealed record PointsEntry(DateTimeOffset At, long Points, string Kind);
