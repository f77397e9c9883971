using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Ingest;
using Retention.Application.Reports;
using Retention.Domain.Amounts;

namespace Retention.Application.Import;

/// <summary>
/// Backfills order history from a file through the same ingest use cases as the API (<see cref="RecordPurchases"/> in
/// batches of up to 1,000, then <see cref="RecordRefund"/> and <see cref="CancelOrder"/> for what happened to those
/// orders), so every ingest rule holds: validation, idempotency, atomic summaries. Importing the same file again records
/// nothing new: order ids come from the file (or are derived from the row), refund ids are the storefront's or fixed per
/// order, and a cancellation of a cancelled order changes nothing. A checkpoint, when given, lets a re-run pass over
/// what an earlier run finished instead of replaying it.
/// </summary>
public sealed partial class ImportPurchases(
    RecordPurchases record, RecordRefund refund, CancelOrder cancel, RetentionCalculator calculator, IOptions<StoreOptions> store, TimeProvider clock,
    ILogger<ImportPurchases> logger)
{
    public const int BatchSize = RecordPurchases.MaxBatchSize;

    /// <summary>Batches in flight at once; chosen by measurement (docs/benchmarks.md, Import).</summary>
    public const int DefaultParallelism = 8;

    /// <summary>Refunds and cancellations applied at once (each is a few reads and one transaction of its order).</summary>
    private const int ChangeParallelism = 16;

    /// <summary>A window holds this many batches' worth of purchases per batch in flight.</summary>
    private const int BatchesPerWindowSlot = 2;

    /// <summary>
    /// Windows between checkpoints. Refunds and cancellations wait for the checkpoint: applying one makes the ledger forget
    /// the customer's cached summary, and the next batch with that customer would first fail on a stale guess.
    /// </summary>
    private const int WindowsPerCheckpoint = 4;

    /// <summary>Imports a purchases CSV or CDNOW file as before formats existed: bad rows are counted and skipped, not fatal.</summary>
    /// <param name="currency">Currency for rows without one; null means the store currency setting.</param>
    /// <param name="progress">Called after each batch with the number of rows handled so far.</param>
    public Task<ImportSummary> ExecuteAsync(TextReader reader, string? currency, Action<int>? progress, CancellationToken cancellationToken) =>
        ExecuteAsync(reader, new ImportOptions
        {
            Currency = currency,
            SkipBad = true,
            Progress = progress is null ? null : p => progress(p.RowsDone),
        }, cancellationToken);

    /// <exception cref="FormatException">The file is not in the format (a header without the columns it needs, broken JSON).</exception>
    public async Task<ImportSummary> ExecuteAsync(TextReader reader, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        var started = Stopwatch.GetTimestamp();
        var context = new ImportContext(calculator.Calendar, CurrencyCode.Parse(store.Value.Currency),
            options.Currency is null ? null : CurrencyCode.Parse(options.Currency), clock.GetUtcNow());
        var tally = new ImportTally();
        var (format, items) = Open(reader, options.Format, context);
        // Formats read whole (a list) know their size, so progress can say how far along the rows the import is.
        var total = items is IReadOnlyCollection<ImportItem> all ? all.Sum(i => i.Rows) : (int?)null;
        var run = new Run(this, options, tally, options.Checkpoint?.Read(), total, cancellationToken);
        ImportProblem? stoppedAt = null;
        var index = 0;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tally.RowsRead += item.Rows;
            if (index < run.ResumeItems)
            {
                tally.Resumed(item.Rows);
                index++;
                continue;
            }
            if (item.Problem is { } problem && !options.SkipBad)
            {
                stoppedAt = problem;
                break;
            }
            await run.AddAsync(item, index++);
        }
        await run.FinishAsync(complete: stoppedAt is null, endIndex: index);
        var summary = tally.ToSummary(ImportFormats.NameOf(format), stoppedAt, Stopwatch.GetElapsedTime(started));
        LogImported(summary.Format, summary.Rows, summary.Recorded, summary.Replayed, summary.Conflicts, summary.Unavailable, summary.SkippedRows, summary.Invalid);
        return summary;
    }

    /// <summary>The items of a file in the format asked for, or the one its first non-empty line shows (auto).</summary>
    internal static (ImportFormat Format, IEnumerable<ImportItem> Items) Open(TextReader reader, ImportFormat format, ImportContext context)
    {
        var (first, firstLine) = FirstLine(reader);
        if (first is null)
        {
            return (format, []);
        }
        format = format == ImportFormat.Auto ? ImportFormats.Detect(first) : format;
        return (format, Read(format, first, firstLine, reader, context));
    }

    private static IEnumerable<ImportItem> Read(ImportFormat format, string first, int firstLine, TextReader rest, ImportContext context) => format switch
    {
        ImportFormat.ShopifyCsv => new ShopifyCsvReader(context).Read(first, firstLine, rest),
        ImportFormat.WooCommerceJson => new WooCommerceJsonReader(context).Read(first, firstLine, rest),
        ImportFormat.OnlineRetail => new OnlineRetailReader(context).Read(first, firstLine, rest),
        _ => new PurchaseFileReader(context.Calendar, context.DefaultCurrency, context.Now).ReadItems(first, firstLine, rest, format),
    };

    private static (string? Line, int Number) FirstLine(TextReader reader)
    {
        var number = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            number++;
        }
        while (line is not null && line.Trim().Length == 0);
        return (line, number);
    }

    private Task<IReadOnlyList<PurchaseOutcome>> RecordAsync(List<Domain.Purchases.Purchase> purchases, CancellationToken cancellationToken) =>
        record.ExecuteAsync(purchases, cancellationToken);

    private Task<RefundOutcome> RefundAsync(Domain.Orders.OrderId orderId, Domain.Orders.RefundRequest request, CancellationToken cancellationToken) =>
        refund.ExecuteAsync(orderId, request, cancellationToken);

    private Task<CancelOutcome> CancelAsync(Domain.Orders.OrderId orderId, Domain.Orders.CancelRequest request, CancellationToken cancellationToken) =>
        cancel.ExecuteAsync(orderId, request, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import ({Format}): {Rows} rows, purchases recorded {Recorded}, replayed {Replayed}, conflicts {Conflicts}, unavailable {Unavailable}; skipped {Skipped}, bad {Invalid}")]
    private partial void LogImported(string format, int rows, int recorded, int replayed, int conflicts, int unavailable, int skipped, int invalid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import batch failed while the import was stopping after an earlier failure")]
    private partial void LogAbandonedBatchFailed(Exception exception);

    /// <summary>
    /// The writing side of one import. Items come in file order and are written a window at a time (a contiguous run of
    /// items holding up to <see cref="ImportOptions.Parallelism"/> × <see cref="BatchesPerWindowSlot"/> batches of purchases):
    /// <list type="number">
    /// <item>the window's purchases, ordered by customer, in batches of up to 1,000, <see cref="ImportOptions.Parallelism"/>
    /// at a time: a customer's orders then share one batch, so their summary is written once and no two batches in flight
    /// race for it;</item>
    /// <item>every <see cref="WindowsPerCheckpoint"/> windows (and at the end, or before stopping at a bad row), the refunds
    /// and cancellations of those windows' orders (and returns against earlier orders), which need those orders stored;</item>
    /// <item>then the checkpoint moves to the last window's end, unless something before it is left for a re-run
    /// (a purchase storage did not take).</item>
    /// </list>
    /// </summary>
    private sealed class Run(
        ImportPurchases owner, ImportOptions options, ImportTally tally, ImportCheckpointState? resume, int? rowsTotal, CancellationToken cancellationToken)
    {
        private readonly List<(ImportItem Item, int Index)> _window = [];
        private readonly List<ImportItem> _pending = [];
        private int _pendingRows;
        private int _windowsSinceCommit;
        private int _windowPurchases;
        private int _windowEnd;
        private bool _checkpointStuck;
        private int _committedRows = resume?.Rows ?? 0;

        /// <summary>Items an earlier run finished (all of them when it completed).</summary>
        public int ResumeItems { get; } = resume is { Complete: true } ? int.MaxValue : resume?.Items ?? 0;

        private int WindowPurchases => options.Parallelism * BatchSize * BatchesPerWindowSlot;

        public async Task AddAsync(ImportItem item, int index)
        {
            _window.Add((item, index));
            _windowEnd = index + 1;
            if (item.Purchase is not null)
            {
                _windowPurchases++;
            }
            // Items without purchases (skipped rows) end a window too, so that progress and the checkpoint move.
            if (_windowPurchases >= WindowPurchases || _window.Count >= 4 * WindowPurchases)
            {
                await FlushAsync();
            }
        }

        /// <param name="complete">The whole file was read (no bad row stopped it).</param>
        /// <param name="endIndex">The index after the last item read (the stopping item when one stopped it).</param>
        public async Task FinishAsync(bool complete, int endIndex)
        {
            await FlushAsync();
            await CommitAsync();
            if (!_checkpointStuck && ResumeItems != int.MaxValue && options.Checkpoint is { } checkpoint && (complete || endIndex > ResumeItems))
            {
                checkpoint.Write(new ImportCheckpointState(endIndex, _committedRows, complete));
            }
            Report();
        }

        private async Task FlushAsync()
        {
            if (_window.Count == 0)
            {
                return;
            }
            var purchases = new List<(ImportItem Item, int Index)>();
            var changeOnly = new List<ImportItem>();
            foreach (var (item, index) in _window)
            {
                foreach (var note in item.Notes)
                {
                    tally.Note(note);
                }
                if (item.Problem is { } problem)
                {
                    tally.Bad(problem, item.Rows);
                    tally.Done(item.Rows);
                }
                else if (item.SkipReason is { } reason)
                {
                    tally.Skip(reason, item.Rows);
                    tally.Done(item.Rows);
                }
                else if (item.Purchase is not null)
                {
                    purchases.Add((item, index));
                }
                else if (!item.Refunds.IsEmpty)
                {
                    changeOnly.Add(item);
                }
            }

            var batches = purchases
                .OrderBy(p => p.Item.Purchase!.CustomerId.Value, StringComparer.Ordinal)
                .ThenBy(p => p.Index)
                .Chunk(BatchSize)
                .ToList();
            var outcomes = await WriteBatchesAsync(batches);

            foreach (var (item, index) in purchases)
            {
                var outcome = outcomes[index];
                var changeCount = item.Refunds.Length + (item.Cancel is null ? 0 : 1);
                if (changeCount == 0)
                {
                    continue;
                }
                if (outcome is PurchaseOutcome.Recorded or PurchaseOutcome.Replayed)
                {
                    _pending.Add(item);
                }
                else
                {
                    tally.NotApplied(outcome is PurchaseOutcome.Conflict
                        ? "refund or cancellation of an order in conflict"
                        : "refund or cancellation of an order storage did not take", changeCount);
                }
            }
            _pending.AddRange(changeOnly);
            _pendingRows += changeOnly.Sum(i => i.Rows);
            _checkpointStuck |= outcomes.Values.Any(o => o is PurchaseOutcome.Unavailable);
            _committedRows += _window.Sum(w => w.Item.Rows);
            _window.Clear();
            _windowPurchases = 0;
            if (++_windowsSinceCommit >= WindowsPerCheckpoint)
            {
                await CommitAsync();
            }
            Report();
        }

        /// <summary>Applies the refunds and cancellations gathered since the last checkpoint, then moves the checkpoint to the last window's end.</summary>
        private async Task CommitAsync()
        {
            await Parallel.ForEachAsync(_pending, new ParallelOptions { MaxDegreeOfParallelism = ChangeParallelism, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    // One order's refunds, then its cancellation: a cancellation leaves nothing to refund.
                    foreach (var (orderId, request) in item.Refunds)
                    {
                        tally.Add(await owner.RefundAsync(orderId, request, ct));
                    }
                    if (item.Cancel is { } request2)
                    {
                        tally.Add(await owner.CancelAsync(item.Purchase!.OrderId, request2, ct));
                    }
                });
            tally.Done(_pendingRows);
            _pending.Clear();
            _pendingRows = 0;
            _windowsSinceCommit = 0;
            if (!_checkpointStuck && _windowEnd > 0 && options.Checkpoint is { } checkpoint)
            {
                checkpoint.Write(new ImportCheckpointState(_windowEnd, _committedRows, Complete: false));
            }
        }

        /// <summary>Runs the batches, <see cref="ImportOptions.Parallelism"/> at a time, reporting progress as each ends; outcomes by item index.</summary>
        private async Task<Dictionary<int, PurchaseOutcome>> WriteBatchesAsync(List<(ImportItem Item, int Index)[]> batches)
        {
            var outcomes = new Dictionary<int, PurchaseOutcome>();
            var running = new List<Task<((ImportItem Item, int Index)[] Batch, IReadOnlyList<PurchaseOutcome> Outcomes)>>();
            var next = 0;
            try
            {
                while (next < batches.Count || running.Count > 0)
                {
                    while (next < batches.Count && running.Count < options.Parallelism)
                    {
                        var batch = batches[next++];
                        running.Add(Task.Run(async () =>
                            (batch, await owner.RecordAsync([.. batch.Select(b => b.Item.Purchase!)], cancellationToken)), cancellationToken));
                    }
                    var done = await Task.WhenAny(running);
                    running.Remove(done);
                    var (finished, results) = await done;
                    for (var i = 0; i < finished.Length; i++)
                    {
                        outcomes[finished[i].Index] = results[i];
                        tally.Add(results[i]);
                    }
                    tally.Done(finished.Sum(b => b.Item.Rows));
                    Report();
                }
            }
            catch
            {
                // Let the batches in flight end, so that nothing writes after the import returns; the caller sees the first failure.
                foreach (var task in running)
                {
                    try
                    {
                        await task;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        owner.LogAbandonedBatchFailed(ex);
                    }
                    catch (OperationCanceledException)
                    {
                        // Cancelled with the import; the caller reports the cancellation.
                    }
                }
                throw;
            }
            return outcomes;
        }

        private void Report() => options.Progress?.Invoke(new ImportProgress(tally.RowsRead, tally.RowsDone, tally.Purchases, rowsTotal));
    }
}
