using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Retention.Application.Ports;
using Retention.Application.Rewards;
using Retention.Domain.Customers;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// <c>{prefix}decisions</c>: partition = the customer's hash bucket, row <c>{customerId}|{messageId}</c>; inserted
/// once (the first decision for a message id wins), then marked published.
/// </summary>
internal sealed class TableDecisionLog(RetentionTables tables) : IDecisionLog
{
    public async Task<LoggedDecision> RecordAsync(LoggedDecision decision, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.CustomerPartition(decision.CustomerId), Row(decision.CustomerId, decision.MessageId))
        {
            ["CustomerId"] = decision.CustomerId.Value,
            ["MessageId"] = decision.MessageId,
            ["Programme"] = decision.Programme,
            ["DecidedAt"] = decision.DecidedAt,
            ["HeldOut"] = decision.HeldOut,
            ["Published"] = decision.Published,
        };
        try
        {
            await StorageGuard.RunAsync(() => tables.Decisions.AddEntityAsync(entity, cancellationToken), cancellationToken);
            return decision;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await StorageGuard.RunAsync(() => tables.Decisions.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken), cancellationToken);
            return Parse(existing.Value);
        }
    }

    public async Task MarkPublishedAsync(CustomerId customerId, string messageId, CancellationToken cancellationToken) =>
        await StorageGuard.RunAsync(() => tables.Decisions.UpdateEntityAsync(
            new TableEntity(TableKeys.CustomerPartition(customerId), Row(customerId, messageId)) { ["Published"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken),
            cancellationToken);

    public async IAsyncEnumerable<LoggedDecision> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await foreach (var entity in tables.Decisions.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            yield return Parse(entity);
        }
    }

    public async IAsyncEnumerable<LoggedDecision> ReadCustomerAsync(CustomerId customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var prefix = TableKeys.Escape(customerId.Value) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.CustomerPartition(customerId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        await foreach (var entity in tables.Decisions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return Parse(entity);
        }
    }

    private static LoggedDecision Parse(TableEntity entity) => new(
        CustomerId.Parse(entity.GetString("CustomerId")),
        entity.GetString("MessageId"),
        entity.GetString("Programme"),
        entity.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue,
        entity.GetBoolean("HeldOut") ?? false,
        entity.GetBoolean("Published") ?? false);

    private static string Row(CustomerId customerId, string messageId) => TableKeys.Escape(customerId.Value) + "|" + TableKeys.Escape(messageId);
}
