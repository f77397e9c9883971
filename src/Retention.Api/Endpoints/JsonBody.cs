using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Retention.Api.Endpoints;

/// <summary>
/// Reads a request body as JSON, refusing before parsing what is not JSON (415), too large (413), empty,
/// not UTF-8, nested deeper than <see cref="MaxDepth"/>, carrying a property twice or an escape that is not UTF-16 (400).
/// </summary>
internal static class JsonBody
{
    public const int MaxDepth = 32;

    private const string LoneSurrogate = "A string or property name holds a \\u escape that is not valid UTF-16 (a lone surrogate).";

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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            return (null, Problems.InvalidBody(ex.Message));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-property check decodes property names, and throws this for a lone surrogate escape in one.
            return (null, Problems.InvalidBody(LoneSurrogate));
        }
        if (!HasOnlyValidStrings(document.RootElement))
        {
            document.Dispose();
            return (null, Problems.InvalidBody(LoneSurrogate));
        }
        return (document, null);
    }

    /// <summary>
    /// The parser accepts escapes such as <c>"\uD800"</c> that no string can hold; reading one later would throw, so
    /// such a body is refused here, once, for every reader. Only strings that contain an escape are decoded.
    /// </summary>
    private static bool HasOnlyValidStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return !HasEscape(JsonMarshal.GetRawUtf8Value(element)) || Decodes(() => element.GetString());
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if ((HasEscape(JsonMarshal.GetRawUtf8PropertyName(property)) && !Decodes(() => property.Name)) || !HasOnlyValidStrings(property.Value))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!HasOnlyValidStrings(item))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private static bool HasEscape(ReadOnlySpan<byte> raw) => raw.IndexOf("\\u"u8) >= 0;

    private static bool Decodes(Func<string?> decode)
    {
        try
        {
            decode();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
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
