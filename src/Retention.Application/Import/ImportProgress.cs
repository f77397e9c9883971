namespace Retention.Application.Import;

/// <summary>How far an import is, reported after each batch.</summary>
/// <param name="RowsRead">Rows read from the file so far.</param>
/// <param name="RowsDone">Rows whose purchases, refunds and cancellations were written, skipped or resumed past.</param>
/// <param name="Purchases">Purchases sent to ingest so far (recorded, replayed, in conflict or unavailable).</param>
/// <param name="RowsTotal">All rows of the file, for formats read whole before writing (WooCommerce, Online Retail); otherwise null.</param>
public readonly record struct ImportProgress(int RowsRead, int RowsDone, int Purchases, int? RowsTotal);
