using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// <c>{prefix}consent</c>: a customer's consent record at partition = hash bucket, row <c>c|{customerId}</c>; a
/// suppressed address at partition <c>email</c>, row = SHA-256 of the lower-cased address (hex), so the list can be
/// checked without keeping the address itself.
/// </summary>
internal sealed class TableConsentStore(RetentionTables tables) : IConsentStore
{
    private const string EmailPartition = "email";

    public async Task<ConsentRecord> GetAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        (await ReadAsync(customerId, cancellationToken)).Record;

    public Task<ConsentRecord> UpdateAsync(CustomerId customerId, Func<ConsentRecord, ConsentRecord> change, CancellationToken cancellationToken) =>
        OptimisticRow.UpdateAsync(tables.Consent, () => ReadAsync(customerId, cancellationToken), change, record => ToEntity(customerId, record), cancellationToken);

    public async Task<bool> IsSuppressedAsync(EmailAddress address, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await tables.Consent.GetEntityIfExistsAsync<TableEntity>(EmailPartition, AddressKey(address), select: ["RowKey"], cancellationToken: cancellationToken);
        return row.HasValue;
    }

    public async Task SuppressAsync(EmailAddress address, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(EmailPartition, AddressKey(address)) { ["Reason"] = reason, ["SuppressedAt"] = at };
        await tables.Consent.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Hex SHA-256 of the address in lower case (addresses are compared case-insensitively by mailbox providers in practice).</summary>
    internal static string AddressKey(EmailAddress address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Value.ToLowerInvariant())));

    private async Task<(ConsentRecord Record, ETag? ETag)> ReadAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await tables.Consent.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CustomerPartition(customerId), CustomerRow(customerId), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return (ConsentRecord.None, null);
        }
        var entity = row.Value!;
        var marketing = entity.GetBoolean("Marketing") is { } value && entity.GetDateTimeOffset("MarketingAt") is { } at
            ? new Stamped<bool>(value, at)
            : null;
        return (new ConsentRecord(marketing, entity.GetDateTimeOffset("UnsubscribedAt")), entity.ETag);
    }

    private static TableEntity ToEntity(CustomerId customerId, ConsentRecord record) =>
        new(TableKeys.CustomerPartition(customerId), CustomerRow(customerId))
        {
            ["CustomerId"] = customerId.Value,
            ["Marketing"] = record.Marketing?.Value,
            ["MarketingAt"] = record.Marketing?.At,
            ["UnsubscribedAt"] = record.UnsubscribedAt,
        };

    private static string CustomerRow(CustomerId customerId) => "c|" + TableKeys.Escape(customerId.Value);
}
