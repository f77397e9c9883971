namespace Retention.Application.Import;

/// <summary>How to run an import.</summary>
public sealed record ImportOptions
{
    public ImportFormat Format { get; init; } = ImportFormat.Auto;

    /// <summary>
    /// Currency for rows that do not name one (ISO 4217). Null means the store currency, except for Online Retail files,
    /// which are in GBP unless this is set.
    /// </summary>
    public string? Currency { get; init; }

    /// <summary>Skip bad rows and report them, instead of stopping at the first one.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Batches written at the same time. Each is one ingest call of up to 1,000 purchases.</summary>
    public int Parallelism { get; init; } = ImportPurchases.DefaultParallelism;

    public IImportCheckpoint? Checkpoint { get; init; }

    /// <summary>Called after each batch, from the importing flow (never concurrently).</summary>
    public Action<ImportProgress>? Progress { get; init; }
}
