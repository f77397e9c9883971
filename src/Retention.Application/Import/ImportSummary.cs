namespace Retention.Application.Import;

/// <summary>
/// What an import did. Rows are the file's data rows (CSV records, JSON orders); an order of several rows is one
/// purchase. <see cref="Errors"/> holds the first bad rows (at most 20); <see cref="StoppedAt"/> the bad row that stopped
/// the import when bad rows were not to be skipped.
/// </summary>
public sealed record ImportSummary
{
    public required string Format { get; init; }

    /// <summary>Data rows read (including those an earlier run had done, see <see cref="ResumedRows"/>).</summary>
    public int Rows { get; init; }

    /// <summary>Purchases sent to ingest: <see cref="Recorded"/> + <see cref="Replayed"/> + <see cref="Conflicts"/> + <see cref="Unavailable"/>.</summary>
    public int Purchases => Recorded + Replayed + Conflicts + Unavailable;

    public int Recorded { get; init; }

    /// <summary>Purchases stored before with the same content (a re-run): nothing changed.</summary>
    public int Replayed { get; init; }

    /// <summary>Order ids stored before with different content: nothing changed.</summary>
    public int Conflicts { get; init; }

    /// <summary>Purchases storage failed to take after retries; running the import again is safe.</summary>
    public int Unavailable { get; init; }

    public int RefundsRecorded { get; init; }
    public int RefundsReplayed { get; init; }
    public int CancellationsRecorded { get; init; }
    public int CancellationsReplayed { get; init; }

    /// <summary>Rows skipped on purpose, per reason (no customer, not paid, …).</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    /// <summary>Refunds and cancellations that ingest refused, per reason.</summary>
    public IReadOnlyDictionary<string, int> NotApplied { get; init; } = new Dictionary<string, int>();

    /// <summary>Orders that were imported with a change the file did not spell out, per kind (rounded totals, …).</summary>
    public IReadOnlyDictionary<string, int> Notes { get; init; } = new Dictionary<string, int>();

    /// <summary>Bad rows skipped (with skip-bad).</summary>
    public int Invalid { get; init; }

    public IReadOnlyList<ImportProblem> Errors { get; init; } = [];

    /// <summary>The bad row that stopped the import; null when it ran to the end.</summary>
    public ImportProblem? StoppedAt { get; init; }

    /// <summary>Rows an earlier run of the same import had done, passed over without writing.</summary>
    public int ResumedRows { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Rows skipped because they name no customer (empty or NA).</summary>
    public int SkippedWithoutCustomer => Skipped.GetValueOrDefault(SkipReasons.NoCustomer);

    public int SkippedRows => Skipped.Values.Sum();

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    public double PurchasesPerSecond => Elapsed.TotalSeconds > 0 ? Purchases / Elapsed.TotalSeconds : 0;
}
