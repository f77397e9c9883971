using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Retention.Integration.Tests.Support;

/// <summary>Request bodies as the storefront sends them: JSON text we write ourselves, so tests control every byte.</summary>
internal static class Bodies
{
    public const string PurchasedAt = "2026-10-01T12:00:00Z";

    public static string Purchase(
        string orderId, string customerId, decimal total = 10m, string purchasedAt = PurchasedAt, string currency = "EUR", bool test = false) =>
        JsonSerializer.Serialize(new { orderId, customerId, purchasedAt, currency, total, test });

    public static string Refund(string refundId, decimal amount, string? reason = null) =>
        JsonSerializer.Serialize(new { refundId, amount, reason });

    public static string Batch(IEnumerable<string> purchases) => "{\"purchases\":[" + string.Join(',', purchases) + "]}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Exactly these bytes with exactly this Content-Type (none when null).</summary>
    public static ByteArrayContent Raw(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return content;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json)
    {
        using var content = Json(json);
        return await client.PostAsync(path, content);
    }
}
