using System.Diagnostics;
using Microsoft.Extensions.Options;
using Retention.Application.Ingest;
using Retention.Application.Reports;
using Retention.Domain.Amounts;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>
/// Backfills purchases from a file through the same ingest use case as the API, in batches, so every ingest rule holds
/// (validation, idempotency, atomic summaries). Importing the same file twice records nothing new.
/// </summary>
public sealed class ImportPurchases(RecordPurchases record, RetentionCalculator calculator, IOptions<StoreOptions> store, TimeProvider clock)
{
    public const int BatchSize = RecordPurchases.MaxBatchSize;
    private const int MaxErrorsKept = 20;

    /// <param name="currency">Currency for rows without one; null means the store currency setting.</param>
    /// <param name="progress">Called after each batch with the number of rows handled so far.</param>
    public async Task<ImportSummary> ExecuteAsync(TextReader reader, string? currency, Action<int>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var fileReader = new PurchaseFileReader(calculator.Calendar, CurrencyCode.Parse(currency ?? store.Value.Currency), clock.GetUtcNow());
        int rows = 0, recorded = 0, replayed = 0, conflicts = 0, invalid = 0, unavailable = 0, skipped = 0;
        var errors = new List<string>();
        var batch = new List<Purchase>(BatchSize);

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var outcome in await record.ExecuteAsync(batch, cancellationToken))
            {
                _ = outcome switch
                {
                    PurchaseOutcome.Recorded => recorded++,
                    PurchaseOutcome.Replayed => replayed++,
                    PurchaseOutcome.Conflict => conflicts++,
                    _ => unavailable++,
                };
            }
            batch.Clear();
            progress?.Invoke(rows);
        }

        foreach (var row in fileReader.Read(reader))
        {
            rows++;
            if (row.Skipped)
            {
                skipped++;
            }
            else if (row.Purchase is { } purchase)
            {
                batch.Add(purchase);
                if (batch.Count == BatchSize)
                {
                    await FlushAsync();
                }
            }
            else
            {
                invalid++;
                if (errors.Count < MaxErrorsKept)
                {
                    errors.Add($"line {row.Line}: {row.Error}");
                }
            }
        }
        await FlushAsync();
        progress?.Invoke(rows);
        return new ImportSummary(rows, recorded, replayed, conflicts, invalid, unavailable, skipped, Stopwatch.GetElapsedTime(started), errors);
    }
}
