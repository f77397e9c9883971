using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// <c>{prefix}loyalty</c>: a customer's account at partition = hash bucket, row <c>a|{customerId}</c>, as JSON
/// (coupons are few per customer); the referral-code index at partition <c>ref</c>, row = the code in upper case.
/// </summary>
internal sealed class TableLoyaltyStore(RetentionTables tables) : ILoyaltyStore
{
    private const string ReferralPartition = "ref";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LoyaltyAccount> GetAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        (await ReadAsync(customerId, cancellationToken)).Account;

    public Task<LoyaltyAccount> UpdateAsync(CustomerId customerId, Func<LoyaltyAccount, LoyaltyAccount> change, CancellationToken cancellationToken) =>
        OptimisticRow.UpdateAsync(tables.Loyalty, () => ReadAsync(customerId, cancellationToken), change, account => ToEntity(customerId, account), cancellationToken);

    public async Task<bool> TryReserveReferralCodeAsync(string code, CustomerId customerId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        try
        {
            await StorageGuard.RunAsync(() => tables.Loyalty.AddEntityAsync(
                new TableEntity(ReferralPartition, TableKeys.Escape(code.ToUpperInvariant())) { ["CustomerId"] = customerId.Value }, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Taken: by this customer already (a retry) is fine, by anyone else is not.
            return await FindReferrerAsync(code, cancellationToken) == customerId;
        }
    }

    public async Task<CustomerId?> FindReferrerAsync(string code, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await StorageGuard.RunAsync(() => tables.Loyalty.GetEntityIfExistsAsync<TableEntity>(
            ReferralPartition, TableKeys.Escape(code.Trim().ToUpperInvariant()), cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? CustomerId.Parse(row.Value!.GetString("CustomerId")) : null;
    }

    public async IAsyncEnumerable<LoyaltyAccount> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await foreach (var entity in tables.Loyalty.QueryAsync<TableEntity>("RowKey ge 'a|' and RowKey lt 'a}'", cancellationToken: cancellationToken))
        {
            yield return Parse(entity);
        }
    }

    private async Task<(LoyaltyAccount Account, ETag? ETag)> ReadAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await StorageGuard.RunAsync(() => tables.Loyalty.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CustomerPartition(customerId), Row(customerId), cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? (Parse(row.Value!), row.Value!.ETag) : (LoyaltyAccount.Empty(customerId), null);
    }

    private static TableEntity ToEntity(CustomerId customerId, LoyaltyAccount account)
    {
        var entity = new TableEntity(TableKeys.CustomerPartition(customerId), Row(customerId)) { ["CustomerId"] = customerId.Value };
        ChunkedProperty.WriteString(entity, "Account", JsonSerializer.Serialize(LoyaltyDocument.From(account), Json));
        return entity;
    }

    private static LoyaltyAccount Parse(TableEntity entity) =>
        JsonSerializer.Deserialize<LoyaltyDocument>(ChunkedProperty.ReadString(entity, "Account")!, Json)!.ToAccount();

    private static string Row(CustomerId customerId) => "a|" + TableKeys.Escape(customerId.Value);
}
