using Azure;
using Azure.Data.Tables;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Read–change–write of one row under its ETag (insert when there is none), retried from a fresh read when someone
/// else wrote between our read and write, so concurrent changes are applied one after the other and none is lost.
/// </summary>
internal static class OptimisticRow
{
    public const int MaxAttempts = 8;

    /// <param name="read">The current value and its ETag (null when the row does not exist).</param>
    /// <param name="change">Pure: may run once per attempt. Returning an equal value writes nothing.</param>
    /// <param name="toEntity">The row to write for a value.</param>
    public static async Task<T> UpdateAsync<T>(
        TableClient table, Func<Task<(T Value, ETag? ETag)>> read, Func<T, T> change, Func<T, TableEntity> toEntity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await read();
            var next = change(current);
            if (EqualityComparer<T>.Default.Equals(next, current))
            {
                return current;
            }
            var entity = toEntity(next);
            try
            {
                await StorageGuard.RunAsync(async () => etag is { } existing
                    ? await table.UpdateEntityAsync(entity, existing, TableUpdateMode.Replace, cancellationToken)
                    : await table.AddEntityAsync(entity, cancellationToken), cancellationToken);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Changed (or created) by someone else between our read and write: read again and apply the change again.
            }
        }
    }
}
