namespace Retention.Application.Import;

/// <summary>What an import did. <see cref="Errors"/> holds the first invalid rows (line and reason), at most 20.</summary>
public sealed record ImportSummary(
    int Rows, int Recorded, int Replayed, int Conflicts, int Invalid, int Unavailable, int SkippedWithoutCustomer, TimeSpan Elapsed, IReadOnlyList<string> Errors)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
