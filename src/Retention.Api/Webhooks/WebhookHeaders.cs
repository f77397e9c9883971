using Microsoft.AspNetCore.Http;

namespace Retention.Api.Webhooks;

/// <summary>
/// Reads a platform header as <c>X-Name</c> or <c>Name</c> (proxies and some platform versions drop the prefix). Header
/// names are case-insensitive in HTTP, and so they are here.
/// </summary>
internal static class WebhookHeaders
{
    /// <summary>The header's single non-empty value, trimmed; null when it is missing, empty or sent more than once.</summary>
    public static string? Get(HttpRequest request, string nameWithoutPrefix)
    {
        var values = request.Headers["X-" + nameWithoutPrefix];
        if (values.Count == 0)
        {
            values = request.Headers[nameWithoutPrefix];
        }
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }
        return values[0]!.Trim();
    }
}
