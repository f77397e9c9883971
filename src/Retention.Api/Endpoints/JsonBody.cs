using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Retention.Api.Endpoints;

/// <summary>
/// Reads a request body as JSON, refusing before parsing what is not JSON (415), too large (413), empty,
/// not UTF-8, nested deeper than <see cref="MaxDepth"/> or carrying a property twice (400).
/// </summary>
internal static class JsonBody
{
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>The parsed body (dispose it), null for an allowed empty body, or the problem to answer with.</summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, long maxBytes, bool allowEmpty, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
        var bytes = await ReadUpToAsync(request.Body, maxBytes + 1, cancellationToken);
        if (bytes.Length > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
        if (bytes.Length == 0)
        {
            return allowEmpty ? (null, null) : (null, Problems.EmptyBody());
        }
        if (!IsJsonMediaType(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }
        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }
        if (!Utf8.IsValid(json.Span))
        {
            return (null, Problems.InvalidBody("The body is not valid UTF-8."));
        }
        try
        {
            return (JsonDocument.Parse(json, Options), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.InvalidBody(ex.Message));
        }
    }

    private static bool IsJsonMediaType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }
        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        // RFC 9110 8.3.2: charset="utf-8" and charset=utf-8 are equivalent.
        var charset = HeaderUtilities.RemoveQuotes(media.Charset).Value;
        return isJson && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> ReadUpToAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
