using Microsoft.Extensions.Logging;
using Retention.Application.Ports;
using Retention.Domain.Purchases;

namespace Retention.Application.Ingest;

/// <summary>Records one or more validated purchases.</summary>
public sealed partial class RecordPurchases(
    IOrderLedger ledger, Rewards.ApplyRewards rewards, ILogger<RecordPurchases> logger, IRetentionMetrics? metrics = null)
{
    /// <summary>The most purchases one call may carry (the batch endpoint's limit).</summary>
    public const int MaxBatchSize = 1000;

    public async Task<IReadOnlyList<PurchaseOutcome>> ExecuteAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(purchases.Count, MaxBatchSize);
        if (purchases.Count == 0)
        {
            return [];
        }
        var outcomes = await ledger.RecordPurchasesAsync(purchases, cancellationToken);
        metrics?.PurchasesRecorded(outcomes.Count(o => o is PurchaseOutcome.Recorded));
        if (rewards.Enabled)
        {
            await ApplyRewardsAsync(purchases, outcomes, cancellationToken);
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            int recorded = 0, replayed = 0, conflicts = 0, unavailable = 0;
            foreach (var outcome in outcomes)
            {
                _ = outcome switch
                {
                    PurchaseOutcome.Recorded => recorded++,
                    PurchaseOutcome.Replayed => replayed++,
                    PurchaseOutcome.Conflict => conflicts++,
                    _ => unavailable++,
                };
            }
            LogRecorded(purchases.Count, recorded, replayed, conflicts, unavailable);
        }
        return outcomes;
    }

    /// <summary>
    /// The programmes for every purchase that is stored (recorded now or replayed), one customer's purchases in order,
    /// different customers in parallel.
    /// </summary>
    private async Task ApplyRewardsAsync(IReadOnlyList<Purchase> purchases, IReadOnlyList<PurchaseOutcome> outcomes, CancellationToken cancellationToken)
    {
        var stored = purchases.Where((_, i) => outcomes[i] is PurchaseOutcome.Recorded or PurchaseOutcome.Replayed)
            .GroupBy(p => p.CustomerId)
            .ToList();
        await Parallel.ForEachAsync(stored, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (customer, ct) =>
        {
            foreach (var purchase in customer.OrderBy(p => p.PurchasedAt))
            {
                await rewards.OnPurchaseAsync(purchase, ct);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Purchases received {Received}: recorded {Recorded}, replayed {Replayed}, conflicts {Conflicts}, unavailable {Unavailable}")]
    private partial void LogRecorded(int received, int recorded, int replayed, int conflicts, int unavailable);
}
