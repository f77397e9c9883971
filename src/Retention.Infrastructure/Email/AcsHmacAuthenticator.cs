using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Access-key authentication of Azure Communication Services: every request is signed with HMAC-SHA256 of the resource's
/// access key, as in Microsoft's "Sign an HTTP request" tutorial and the SDKs' HMAC policy:
/// <code>
/// x-ms-date:           RFC 1123 date, e.g. "Tue, 24 Nov 2026 17:02:03 GMT"
/// x-ms-content-sha256: base64(SHA-256(body))
/// string to sign:      "{VERB}\n{path and query}\n{x-ms-date};{host};{x-ms-content-sha256}"
/// Authorization:       "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=" + base64(HMAC-SHA256(key, string to sign))
/// </code>
/// <c>host</c> is the URI's authority (with the port when it is not the default), the same value HttpClient sends as <c>Host</c>.
/// </summary>
internal sealed class AcsHmacAuthenticator(byte[] accessKey, TimeProvider timeProvider) : IAcsRequestAuthenticator
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to sign.");
        var date = timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body.Span));
        var stringToSign = $"{request.Method.Method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-content-sha256");
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}");
        return ValueTask.CompletedTask;
    }
}
