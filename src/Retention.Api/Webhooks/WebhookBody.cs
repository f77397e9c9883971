using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Retention.Api.Endpoints;

namespace Retention.Api.Webhooks;

/// <summary>
/// The steps before a webhook body is trusted: read the raw bytes (at most <see cref="MaxBytes"/>), check the signature
/// on exactly those bytes, and only then parse them as JSON with the same rules as every other endpoint.
/// </summary>
internal static class WebhookBody
{
    /// <summary>1 MiB: Shopify's and WooCommerce's order payloads are a few KiB; a 250-line order is well below.</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>The raw body, or a 413 problem when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.TooLarge(MaxBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxBytes
               && (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length > MaxBytes ? (null, Problems.TooLarge(MaxBytes)) : (buffer.ToArray(), null);
    }

    /// <summary>Null when the body carries a valid signature; otherwise the 401 problem to answer with (nothing else is done).</summary>
    public static ProblemHttpResult? Verify(HttpRequest request, ReadOnlySpan<byte> body, WebhookPlatform platform, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return Unauthorized($"{platform.SecretSetting} is not set, so every delivery is refused. Set it to the webhook secret of the store.",
                "webhook-secret-not-set");
        }
        var presented = WebhookHeaders.Get(request, platform.SignatureHeader);
        if (presented is null)
        {
            return Unauthorized($"Send X-{platform.SignatureHeader}: base64(HMAC-SHA256(raw body, {platform.SecretSetting})).", "missing-signature");
        }
        return WebhookSignature.Matches(body, secret, presented)
            ? null
            : Unauthorized($"X-{platform.SignatureHeader} does not match the body. Check that {platform.SecretSetting} is the store's webhook secret.",
                "invalid-signature");
    }

    /// <summary>Parses verified bytes as JSON (415, 400 as for every JSON endpoint); dispose the document.</summary>
    public static Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ParseAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        return JsonBody.ReadAsync(request, MaxBytes, allowEmpty: false, cancellationToken);
    }

    /// <summary>WooCommerce's ping when a webhook is saved: the form body <c>webhook_id=N</c>, unsigned.</summary>
    public static bool IsWooCommercePing(ReadOnlySpan<byte> body)
    {
        var prefix = "webhook_id="u8;
        if (!body.StartsWith(prefix) || body.Length == prefix.Length || body.Length > prefix.Length + 20)
        {
            return false;
        }
        foreach (var b in body[prefix.Length..])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }
        return true;
    }

    private static ProblemHttpResult Unauthorized(string detail, string code) =>
        Problems.Problem(StatusCodes.Status401Unauthorized, "The webhook signature is missing or wrong.", detail, code);
}
