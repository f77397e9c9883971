using Azure.Data.Tables;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Applied webhook deliveries in the <c>{prefix}webhooks</c> table: partition the platform (<c>shopify</c>,
/// <c>woocommerce</c>), row key the escaped delivery id, with the topic and when it was applied. No body, no personal
/// data. One store's webhooks stay far below a partition's 2,000 operations per second.
/// </summary>
internal sealed class TableWebhookDeliveries(RetentionTables tables) : IWebhookDeliveries
{
    public Task<bool> WasAppliedAsync(string platform, string deliveryId, CancellationToken cancellationToken) =>
        StorageGuard.RunAsync(async () =>
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var row = await tables.Webhooks.GetEntityIfExistsAsync<TableEntity>(platform, TableKeys.Escape(deliveryId), ["PartitionKey"], cancellationToken);
            return row.HasValue;
        }, cancellationToken);

    public Task RecordAppliedAsync(string platform, string deliveryId, string topic, DateTimeOffset appliedAt, CancellationToken cancellationToken) =>
        StorageGuard.RunAsync(async () =>
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var entity = new TableEntity(platform, TableKeys.Escape(deliveryId)) { ["Topic"] = topic, ["AppliedAt"] = appliedAt };
            await tables.Webhooks.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            return true;
        }, cancellationToken);
}
