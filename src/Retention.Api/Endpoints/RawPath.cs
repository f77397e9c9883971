using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Retention.Api.Endpoints;

/// <summary>
/// Route ids read from the raw request target. Servers leave <c>%2F</c> undecoded in route values (so that it cannot
/// split the path), which would make an id with a slash unreachable; decoding the raw segment ourselves gives back
/// the id exactly as the caller escaped it.
/// </summary>
internal static class RawPath
{
    /// <summary>The decoded segment after <c>/{collection}/</c> in the raw path, or null when the server gives no raw target.</summary>
    public static string? SegmentAfter(HttpContext context, string collection)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        var path = raw.Split('?', 2)[0];
        var marker = "/" + collection + "/";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var segment = path[(at + marker.Length)..];
        var end = segment.IndexOf('/', StringComparison.Ordinal);
        return Uri.UnescapeDataString(end < 0 ? segment : segment[..end]);
    }
}
