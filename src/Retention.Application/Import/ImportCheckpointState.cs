namespace Retention.Application.Import;

/// <summary>How far an earlier run of the same import got: every item before <see cref="Items"/> is done.</summary>
/// <param name="Items">Orders and skipped rows done, in file order (an order of several rows is one item).</param>
/// <param name="Rows">The rows those items span.</param>
/// <param name="Complete">The whole file was imported.</param>
public sealed record ImportCheckpointState(int Items, int Rows, bool Complete);
