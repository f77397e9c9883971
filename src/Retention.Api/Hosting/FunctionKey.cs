using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Retention.Api.Hosting;

/// <summary>Checks a request's function key the way Azure Functions reads it: header <c>x-functions-key</c>, else query <c>code</c>.</summary>
internal static class FunctionKey
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public static bool IsPresentedIn(HttpRequest request, string expected)
    {
        var presented = request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName].FirstOrDefault();
        }
        return !string.IsNullOrEmpty(presented) && Matches(presented, expected);
    }

    /// <summary>
    /// Constant-time comparison. Both sides are hashed first so that neither the content nor the length of the
    /// expected key leaks through timing.
    /// </summary>
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
