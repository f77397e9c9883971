using Retention.Application.Ingest;
using Retention.Domain.Orders;

namespace Retention.Application.Import;

/// <summary>The counts of an import while it runs; batches running at the same time add to it.</summary>
internal sealed class ImportTally
{
    private const int MaxProblemsKept = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _notApplied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _notes = new(StringComparer.Ordinal);
    private readonly List<ImportProblem> _problems = [];
    private int _recorded, _replayed, _conflicts, _unavailable, _refundsRecorded, _refundsReplayed, _cancelsRecorded, _cancelsReplayed, _invalid;

    public int RowsRead { get; set; }
    public int RowsDone { get; private set; }
    public int ResumedRows { get; private set; }

    public int Purchases
    {
        get
        {
            lock (_gate)
            {
                return _recorded + _replayed + _conflicts + _unavailable;
            }
        }
    }

    public void Resumed(int rows)
    {
        lock (_gate)
        {
            ResumedRows += rows;
            RowsDone += rows;
        }
    }

    public void Done(int rows)
    {
        lock (_gate)
        {
            RowsDone += rows;
        }
    }

    public void Add(PurchaseOutcome outcome)
    {
        lock (_gate)
        {
            _ = outcome switch
            {
                PurchaseOutcome.Recorded => _recorded++,
                PurchaseOutcome.Replayed => _replayed++,
                PurchaseOutcome.Conflict => _conflicts++,
                _ => _unavailable++,
            };
        }
    }

    public void Add(RefundOutcome outcome)
    {
        switch (outcome)
        {
            case RefundOutcome.Recorded:
                Count(ref _refundsRecorded);
                break;
            case RefundOutcome.Replayed:
                Count(ref _refundsReplayed);
                break;
            case RefundOutcome.OrderNotFound:
                NotApplied("refund: order not found");
                break;
            case RefundOutcome.Rejected { Decision: var decision }:
                NotApplied(decision switch
                {
                    RefundDecision.Conflict => "refund: a different refund with the same id was recorded before",
                    RefundDecision.ExceedsRemaining => "refund: more than what remains of the order",
                    RefundDecision.OrderCancelled => "refund: the order was cancelled before",
                    RefundDecision.Invalid invalid => $"refund: {invalid.Field} {invalid.Error.Reason}",
                    _ => "refund: rejected",
                });
                break;
        }
    }

    public void Add(CancelOutcome outcome)
    {
        switch (outcome)
        {
            case CancelOutcome.Cancelled:
                Count(ref _cancelsRecorded);
                break;
            case CancelOutcome.AlreadyCancelled:
                Count(ref _cancelsReplayed);
                break;
            case CancelOutcome.OrderNotFound:
                NotApplied("cancellation: order not found");
                break;
            case CancelOutcome.Invalid invalid:
                NotApplied($"cancellation: {invalid.Field} {invalid.Error.Reason}");
                break;
        }
    }

    public void Skip(string reason, int rows) => Increment(_skipped, reason, rows);

    public void NotApplied(string reason, int count = 1) => Increment(_notApplied, reason, count);

    public void Note(string note) => Increment(_notes, note, 1);

    public void Bad(ImportProblem problem, int rows)
    {
        lock (_gate)
        {
            _invalid += rows;
            if (_problems.Count < MaxProblemsKept)
            {
                _problems.Add(problem);
            }
        }
    }

    public ImportSummary ToSummary(string format, ImportProblem? stoppedAt, TimeSpan elapsed)
    {
        lock (_gate)
        {
            return new ImportSummary
            {
                Format = format,
                Rows = RowsRead,
                Recorded = _recorded,
                Replayed = _replayed,
                Conflicts = _conflicts,
                Unavailable = _unavailable,
                RefundsRecorded = _refundsRecorded,
                RefundsReplayed = _refundsReplayed,
                CancellationsRecorded = _cancelsRecorded,
                CancellationsReplayed = _cancelsReplayed,
                Skipped = new Dictionary<string, int>(_skipped),
                NotApplied = new Dictionary<string, int>(_notApplied),
                Notes = new Dictionary<string, int>(_notes),
                Invalid = _invalid,
                Errors = [.. _problems.OrderBy(p => p.Line)],
                StoppedAt = stoppedAt,
                ResumedRows = ResumedRows,
                Elapsed = elapsed,
            };
        }
    }

    private void Count(ref int counter)
    {
        lock (_gate)
        {
            counter++;
        }
    }

    private void Increment(Dictionary<string, int> counts, string key, int by)
    {
        lock (_gate)
        {
            counts[key] = counts.GetValueOrDefault(key) + by;
        }
    }
}
