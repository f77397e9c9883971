using Azure;
using Azure.Data.Tables;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Infrastructure.Storage;

namespace Retention.Integration.Tests.Support;

/// <summary>Reads a <see cref="TestApi"/>'s tables directly, to assert what was stored rather than what was answered.</summary>
internal static class Storage
{
    /// <summary>Every row of both tables as "table|PartitionKey|RowKey|ETag", sorted: equal snapshots mean nothing was written.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(this TestApi api)
    {
        var rows = new List<string>();
        foreach (var (name, table) in new[] { ("customers", api.CustomersTable), ("claims", api.ClaimsTable) })
        {
            foreach (var entity in await ReadAllAsync(table))
            {
                rows.Add($"{name}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Every entity of a table; empty when the table was never created.</summary>
    public static async Task<List<TableEntity>> ReadAllAsync(TableClient table)
    {
        var entities = new List<TableEntity>();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                entities.Add(entity);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table was never created: nothing was written.
        }
        return entities;
    }

    public static async Task<CustomerSummary?> ReadSummaryAsync(this TestApi api, string customerId)
    {
        var id = CustomerId.Parse(customerId);
        var row = await GetAsync(api.CustomersTable, TableKeys.CustomerPartition(id), TableKeys.SummaryRow(id));
        return row is null ? null : CustomerSummaryEntity.ToSummary(row);
    }

    public static async Task<CustomerSummary> RequireSummaryAsync(this TestApi api, string customerId) =>
        await api.ReadSummaryAsync(customerId) ?? throw new Xunit.Sdk.XunitException($"No summary row for customer {customerId}.");

    public static Task<TableEntity?> ReadOrderRowAsync(this TestApi api, string customerId, string orderId)
    {
        var customer = CustomerId.Parse(customerId);
        return GetAsync(api.CustomersTable, TableKeys.CustomerPartition(customer), TableKeys.OrderRow(customer, OrderId.Parse(orderId)));
    }

    public static async Task<TableEntity> RequireOrderRowAsync(this TestApi api, string customerId, string orderId) =>
        await api.ReadOrderRowAsync(customerId, orderId) ?? throw new Xunit.Sdk.XunitException($"No order row {orderId} for customer {customerId}.");

    public static Task<TableEntity?> ReadClaimRowAsync(this TestApi api, string orderId)
    {
        var order = OrderId.Parse(orderId);
        return GetAsync(api.ClaimsTable, TableKeys.ClaimPartition(order), TableKeys.ClaimRow(order));
    }

    /// <summary>The net revenue of a summary in one currency (zero when it has none in that currency).</summary>
    public static decimal Revenue(this CustomerSummary summary, string currency = "EUR") =>
        summary.NetRevenue.Where(r => r.Key.Code == currency).Sum(r => r.Value.Amount);

    private static async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey);
            return row.HasValue ? row.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
