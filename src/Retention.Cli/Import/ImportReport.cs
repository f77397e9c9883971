using System.Globalization;
using Retention.Application.Import;

namespace Retention.Cli.Import;

/// <summary>
/// The summary an import prints: what was recorded, replayed, refunded, cancelled, skipped (per reason) and not applied.
/// Plain lines on stdout, never wrapped, so that scripts can read them.
/// </summary>
internal static class ImportReport
{
    public static void Write(string fileName, ImportSummary s)
    {
        Line($"{(s.StoppedAt is null ? "Imported" : "Stopped importing")} {fileName} ({s.Format}): {s.Rows:N0} rows in {s.Elapsed.TotalSeconds:0.0} s ({s.RowsPerSecond:N0} rows/s, {s.PurchasesPerSecond:N0} purchases/s).");
        if (s.ResumedRows > 0)
        {
            Line($"  Resumed: {s.ResumedRows:N0} rows done by an earlier run were passed over.");
        }
        Line($"  Purchases: {s.Recorded:N0} recorded, {s.Replayed:N0} already there, {s.Conflicts:N0} in conflict, {s.Unavailable:N0} unavailable.");
        Line($"  Refunds: {s.RefundsRecorded:N0} recorded, {s.RefundsReplayed:N0} already there.");
        Line($"  Cancellations: {s.CancellationsRecorded:N0} recorded, {s.CancellationsReplayed:N0} already there.");
        Counts($"  Skipped rows: {s.SkippedRows:N0}", s.Skipped);
        Counts($"  Refunds and cancellations not applied: {s.NotApplied.Values.Sum():N0}", s.NotApplied);
        Counts($"  Notes: {s.Notes.Values.Sum():N0} orders", s.Notes);
        if (s.Invalid > 0)
        {
            Line($"  Bad rows skipped: {s.Invalid:N0} (the first {s.Errors.Count} are listed on stderr).");
        }
    }

    private static void Counts(FormattableString title, IReadOnlyDictionary<string, int> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }
        Console.WriteLine(title.ToString(CultureInfo.InvariantCulture) + ":");
        foreach (var (reason, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            Line($"    {count,9:N0}  {reason}");
        }
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
