using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Retention.Application.Messages;
using Retention.Application.Ports;
using Retention.Domain.Customers;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// The send ledger in <c>{prefix}messages</c>: partition = the customer's hash bucket (as in the customers table),
/// row key <c>{customerId}|{messageId}</c> (escaped), so one customer's entries are one row-key range that the
/// frequency cap reads. Inserted, never replaced: the first outcome of a message id stays.
/// </summary>
internal sealed class TableMessageLedger(RetentionTables tables) : IMessageLedger
{
    public async Task<MessageLedgerEntry?> FindAsync(CustomerId customerId, string messageId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await tables.Messages.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CustomerPartition(customerId), RowKey(customerId, messageId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task RecordAsync(MessageLedgerEntry entry, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.CustomerPartition(entry.CustomerId), RowKey(entry.CustomerId, entry.MessageId))
        {
            ["CustomerId"] = entry.CustomerId.Value,
            ["MessageId"] = entry.MessageId,
            ["Type"] = entry.Type,
            ["Marketing"] = entry.Marketing,
            ["Outcome"] = entry.Outcome.ToString(),
            ["Reason"] = entry.Reason,
            ["Language"] = entry.Language,
            ["ProviderMessageId"] = entry.ProviderMessageId,
            ["RecordedAt"] = entry.RecordedAt,
        };
        try
        {
            await tables.Messages.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded before (a redelivery that raced a slow complete): the first outcome stands.
        }
    }

    public async Task<int> CountMarketingSentAsync(CustomerId customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var filter = $"{RangeFilter(customerId)} and Marketing eq true and Outcome eq 'Sent' and RecordedAt ge {TableClient.CreateQueryFilter($"{since}")}";
        var count = 0;
        await foreach (var _ in tables.Messages.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    public async IAsyncEnumerable<string> ReadSentMessageIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await foreach (var entity in tables.Messages.QueryAsync<TableEntity>("Outcome eq 'Sent'", select: ["MessageId"], cancellationToken: cancellationToken))
        {
            yield return entity.GetString("MessageId");
        }
    }

    public async IAsyncEnumerable<MessageLedgerEntry> ReadCustomerAsync(CustomerId customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entries = new List<MessageLedgerEntry>();
        await foreach (var entity in tables.Messages.QueryAsync<TableEntity>(RangeFilter(customerId), cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(entity));
        }
        foreach (var entry in entries.OrderByDescending(e => e.RecordedAt))
        {
            yield return entry;
        }
    }

    private static string RowKey(CustomerId customerId, string messageId) => Prefix(customerId) + TableKeys.Escape(messageId);

    private static string Prefix(CustomerId customerId) => TableKeys.Escape(customerId.Value) + "|";

    /// <summary>Row keys that start with <c>{customerId}|</c>: from the prefix up to the prefix with '|' raised to '}'.</summary>
    private static string RangeFilter(CustomerId customerId)
    {
        var prefix = Prefix(customerId);
        var upper = prefix[..^1] + "}";
        return TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.CustomerPartition(customerId)} and RowKey ge {prefix} and RowKey lt {upper}");
    }

    private static MessageLedgerEntry FromEntity(TableEntity entity) => new(
        CustomerId.Parse(entity.GetString("CustomerId")),
        entity.GetString("MessageId"),
        entity.GetString("Type"),
        entity.GetBoolean("Marketing") ?? false,
        Enum.Parse<MessageOutcome>(entity.GetString("Outcome")),
        entity.GetString("Reason"),
        entity.GetString("Language"),
        entity.GetString("ProviderMessageId"),
        entity.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue);
}
