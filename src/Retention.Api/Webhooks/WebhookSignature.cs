using System.Security.Cryptography;
using System.Text;

namespace Retention.Api.Webhooks;

/// <summary>
/// The signature both platforms send: base64(HMAC-SHA256(raw body bytes, secret as UTF-8)). Shopify puts it in
/// <c>X-Shopify-Hmac-Sha256</c>, WooCommerce in <c>X-WC-Webhook-Signature</c>.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The signature of <paramref name="body"/>, as the platform would send it.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// True when <paramref name="presented"/> is the signature of exactly these bytes. The decoded bytes are compared in
    /// constant time; anything that is not base64 of 32 bytes is simply wrong.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> body, string secret, string? presented)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(presented))
        {
            return false;
        }
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(presented.Trim(), given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
