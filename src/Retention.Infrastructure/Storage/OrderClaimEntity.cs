using Azure.Data.Tables;
using Retention.Domain.Customers;
using Retention.Domain.Idempotency;
using Retention.Domain.Orders;

namespace Retention.Infrastructure.Storage;

/// <summary>Maps an <see cref="OrderClaim"/> to its row in the order-claims table and back.</summary>
internal static class OrderClaimEntity
{
    public static TableEntity ToEntity(OrderClaim claim) =>
        new(TableKeys.ClaimPartition(claim.OrderId), TableKeys.ClaimRow(claim.OrderId))
        {
            ["OrderId"] = claim.OrderId.Value,
            ["CustomerId"] = claim.CustomerId.Value,
            ["Fingerprint"] = claim.Fingerprint.Value,
            ["ClaimedAt"] = claim.ClaimedAt,
        };

    public static OrderClaim ToClaim(TableEntity entity) => new(
        OrderId.Parse(entity.GetString("OrderId") ?? throw Missing("OrderId")),
        CustomerId.Parse(entity.GetString("CustomerId") ?? throw Missing("CustomerId")),
        Fingerprint.Parse(entity.GetString("Fingerprint") ?? throw Missing("Fingerprint")),
        entity.GetDateTimeOffset("ClaimedAt") ?? throw Missing("ClaimedAt"));

    private static InvalidDataException Missing(string name) => new($"Claim row lacks property {name}.");
}
