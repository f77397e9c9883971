using Azure;
using Azure.Data.Tables;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Deletes every row of every table of this store (tables stay, so the app keeps working for a reinstall), in
/// entity-group transactions of up to 100 rows of one partition. Safe to run again after a failure.
/// </summary>
internal sealed class TableStoreEraser(RetentionTables tables) : IStoreEraser
{
    private const int MaxBatch = 100;

    public async Task<long> EraseAllAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        long deleted = 0;
        foreach (var table in tables.All)
        {
            var batch = new List<TableTransactionAction>();
            string? partition = null;
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                if (batch.Count == MaxBatch || (partition is not null && row.PartitionKey != partition))
                {
                    deleted += await SubmitAsync(table, batch, cancellationToken);
                }
                partition = row.PartitionKey;
                batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }
            deleted += await SubmitAsync(table, batch, cancellationToken);
        }
        return deleted;
    }

    private static async Task<int> SubmitAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var count = batch.Count;
        await StorageGuard.RunAsync(() => table.SubmitTransactionAsync(batch, cancellationToken), cancellationToken);
        batch.Clear();
        return count;
    }
}
