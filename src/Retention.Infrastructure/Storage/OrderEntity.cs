using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Idempotency;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Infrastructure.Storage;

/// <summary>Maps an <see cref="Order"/> to its row in the customers table and back.</summary>
internal static class OrderEntity
{
    private sealed record LineDocument(string Sku, int Quantity, decimal? UnitPrice, string? Category, string? Name = null);

    private sealed record RefundDocument(string RefundId, decimal Amount, string RefundedAt, string? Reason, string Fingerprint, DateTimeOffset RecordedAt);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="fingerprint">
    /// The fingerprint of the request that first recorded the order: computed once at ingest, then carried over from the
    /// stored row on every update, so a refund or cancellation never re-derives it.
    /// </param>
    public static TableEntity ToEntity(Order order, Fingerprint fingerprint)
    {
        var purchase = order.Purchase;
        var entity = new TableEntity(TableKeys.CustomerPartition(purchase.CustomerId), TableKeys.OrderRow(purchase.CustomerId, purchase.OrderId))
        {
            ["OrderId"] = purchase.OrderId.Value,
            ["CustomerId"] = purchase.CustomerId.Value,
            ["PurchasedAt"] = Text(purchase.PurchasedAt),
            ["Currency"] = purchase.Total.Currency.Code,
            ["Total"] = purchase.Total.FormatAmount(),
            ["IsTest"] = purchase.IsTest,
            ["Email"] = purchase.Email?.Value,
            ["FirstName"] = purchase.FirstName,
            ["ReferralCode"] = purchase.ReferralCode,
            ["Locale"] = purchase.Locale?.Value,
            ["MarketingConsent"] = purchase.MarketingConsent,
            ["DiscountCodes"] = JsonSerializer.Serialize(purchase.DiscountCodes, Json),
            ["RecordedAt"] = order.RecordedAt,
            ["Fingerprint"] = fingerprint.Value,
            ["NetTotal"] = order.NetTotal.FormatAmount(),
            ["IsCounted"] = order.IsCounted,
        };
        ChunkedProperty.WriteString(entity, "Lines", JsonSerializer.Serialize(
            purchase.Lines.Select(l => new LineDocument(l.Sku, l.Quantity, l.UnitPrice, l.Category, l.Name)), Json));
        ChunkedProperty.WriteString(entity, "Refunds", JsonSerializer.Serialize(
            order.Refunds.Select(r => new RefundDocument(r.RefundId.Value, r.Amount.Amount, Text(r.RefundedAt), r.Reason, r.Fingerprint.Value, r.RecordedAt)), Json));
        if (order.Cancellation is { } cancellation)
        {
            entity["CancelledAt"] = Text(cancellation.CancelledAt);
            entity["CancelReason"] = cancellation.Reason;
            entity["CancelRecordedAt"] = cancellation.RecordedAt;
        }
        return entity;
    }

    public static Order ToOrder(TableEntity entity)
    {
        var currency = CurrencyCode.Parse(Required(entity, "Currency"));
        var purchase = new Purchase
        {
            OrderId = OrderId.Parse(Required(entity, "OrderId")),
            CustomerId = CustomerId.Parse(Required(entity, "CustomerId")),
            PurchasedAt = Instant(Required(entity, "PurchasedAt")),
            Total = new Money(Amount(Required(entity, "Total")), currency),
            IsTest = entity.GetBoolean("IsTest") ?? false,
            Email = entity.GetString("Email") is { } email ? EmailAddress.Parse(email) : null,
            FirstName = entity.GetString("FirstName"),
            ReferralCode = entity.GetString("ReferralCode"),
            Locale = entity.GetString("Locale") is { } locale ? LocaleTag.Parse(locale) : null,
            MarketingConsent = entity.GetBoolean("MarketingConsent"),
            DiscountCodes = JsonSerializer.Deserialize<ImmutableArray<string>>(entity.GetString("DiscountCodes") ?? "[]", Json),
            Lines = [.. JsonSerializer.Deserialize<LineDocument[]>(ChunkedProperty.ReadString(entity, "Lines") ?? "[]", Json)!
                .Select(l => new PurchaseLine(l.Sku, l.Quantity, l.UnitPrice, l.Category, l.Name))],
        };
        var refunds = JsonSerializer.Deserialize<RefundDocument[]>(ChunkedProperty.ReadString(entity, "Refunds") ?? "[]", Json)!
            .Select(r => new Refund(RefundId.Parse(r.RefundId), new Money(r.Amount, currency), Instant(r.RefundedAt), r.Reason, Fingerprint.Parse(r.Fingerprint), r.RecordedAt));
        var cancellation = entity.GetString("CancelledAt") is { } cancelledAt
            ? new Cancellation(Instant(cancelledAt), entity.GetString("CancelReason"), entity.GetDateTimeOffset("CancelRecordedAt") ?? throw Missing("CancelRecordedAt"))
            : null;
        return new Order
        {
            Purchase = purchase,
            RecordedAt = entity.GetDateTimeOffset("RecordedAt") ?? throw Missing("RecordedAt"),
            Refunds = [.. refunds],
            Cancellation = cancellation,
        };
    }

    /// <summary>The fingerprint of the purchase that recorded this order.</summary>
    public static Fingerprint StoredFingerprint(TableEntity entity) => Fingerprint.Parse(Required(entity, "Fingerprint"));

    // Round-trip text keeps the storefront's offset, which a table DateTime property would drop.
    private static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Required(TableEntity entity, string name) => entity.GetString(name) ?? throw Missing(name);

    private static InvalidDataException Missing(string name) => new($"Order row lacks property {name}.");
}
