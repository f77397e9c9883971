using System.Globalization;
using System.Text.Json;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Domain.Idempotency;

/// <summary>
/// The canonical form of each idempotent request: its validated values in a fixed order with fixed
/// formatting (amounts normalised to the currency's decimals, times in UTC with ticks), so that
/// white space, key order, "10.5" vs "10.50" or "+01:00" vs "Z" for the same instant do not make two posts differ.
/// </summary>
public static class CanonicalForm
{
    /// <summary>Fingerprint of a purchase.</summary>
    public static Fingerprint Of(Purchase purchase) => Write(w =>
    {
        w.WriteString("kind", "purchase/1");
        w.WriteString("orderId", purchase.OrderId.Value);
        w.WriteString("customerId", purchase.CustomerId.Value);
        w.WriteString("purchasedAt", Instant(purchase.PurchasedAt));
        w.WriteString("currency", purchase.Total.Currency.Code);
        w.WriteString("total", purchase.Total.FormatAmount());
        w.WriteString("email", purchase.Email?.Value);
        if (purchase.FirstName is not null)
        {
            // Written only when present, so that fingerprints of purchases stored before first names existed stay the same.
            w.WriteString("firstName", purchase.FirstName);
        }
        w.WriteString("locale", purchase.Locale?.Value);
        WriteNullable(w, "marketingConsent", purchase.MarketingConsent);
        w.WriteStartArray("items");
        foreach (var line in purchase.Lines)
        {
            w.WriteStartArray();
            w.WriteStringValue(line.Sku);
            w.WriteNumberValue(line.Quantity);
            w.WriteStringValue(line.UnitPrice?.ToString("0.############################", CultureInfo.InvariantCulture));
            w.WriteStringValue(line.Category);
            if (line.Name is not null)
            {
                w.WriteStringValue(line.Name);
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("discountCodes");
        foreach (var code in purchase.DiscountCodes)
        {
            w.WriteStringValue(code);
        }
        w.WriteEndArray();
        w.WriteBoolean("test", purchase.IsTest);
        if (purchase.ReferralCode is not null)
        {
            w.WriteString("referralCode", purchase.ReferralCode);
        }
    });

    /// <summary>Fingerprint of a refund request. A refund time left out stays out: the server's clock is not part of the request.</summary>
    public static Fingerprint Of(OrderId orderId, RefundRequest refund) => Write(w =>
    {
        w.WriteString("kind", "refund/1");
        w.WriteString("orderId", orderId.Value);
        w.WriteString("refundId", refund.RefundId.Value);
        w.WriteString("amount", refund.Amount.ToString("0.############################", CultureInfo.InvariantCulture));
        w.WriteString("refundedAt", refund.RefundedAt is { } at ? Instant(at) : null);
        w.WriteString("reason", refund.Reason);
    });

    private static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteNullable(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static Fingerprint Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Fingerprint.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
