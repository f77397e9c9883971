using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Retention.Domain.Customers;

namespace Retention.Application.Messages;

/// <summary>
/// Signed unsubscribe tokens: <c>base64url(v1|expiresUnixSeconds|locale|customerId)</c> <c>.</c>
/// <c>base64url(HMAC-SHA256(secret, first part))</c>. The token is the proof that the customer got our email, so the
/// unsubscribe endpoint needs no key; the signature is compared in constant time.
/// </summary>
public sealed class UnsubscribeTokens(IOptions<MessagesOptions> options, TimeProvider clock)
{
    private const string Version = "v1";

    public string Issue(CustomerId customerId, LocaleTag? locale, DateTimeOffset sentAt)
    {
        var expires = sentAt.AddDays(options.Value.UnsubscribeLinkDays).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Version, expires.ToString(CultureInfo.InvariantCulture), locale?.Value ?? "", customerId.Value));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(payload));
    }

    /// <summary>The absolute unsubscribe link for a token.</summary>
    public Uri LinkFor(string token) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/unsubscribe?token={Uri.EscapeDataString(token)}", UriKind.Absolute);

    /// <summary>Checks a token: its signature first (a tampered token is never read further), then its expiry.</summary>
    public UnsubscribeToken Verify(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 2048)
        {
            return new UnsubscribeToken.Invalid();
        }
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return new UnsubscribeToken.Invalid();
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
        {
            return new UnsubscribeToken.Invalid();
        }
        // The customer id comes last because it may itself contain '|'.
        var parts = Encoding.UTF8.GetString(payload).Split('|', 4);
        if (parts.Length != 4 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !CustomerId.TryParse(parts[3], out var customerId, out _))
        {
            return new UnsubscribeToken.Invalid();
        }
        LocaleTag? locale = LocaleTag.TryParse(parts[2], out var parsed, out _) ? parsed : null;
        return clock.GetUtcNow().ToUnixTimeSeconds() > expires
            ? new UnsubscribeToken.Expired(locale)
            : new UnsubscribeToken.Valid(customerId, locale);
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.UnsubscribeSecret), payload);
}
