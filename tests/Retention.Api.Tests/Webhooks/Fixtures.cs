using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Retention.Api.Tests.Webhooks;

/// <summary>The platforms' official example payloads in ../shared/datasets, and webhook requests built from bytes.</summary>
internal static class Fixtures
{
    /// <summary>The server clock for every read.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-24T12:00:00Z", CultureInfo.InvariantCulture);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(Path(parts));

    public static string Text(params string[] parts) => File.ReadAllText(Path(parts), Encoding.UTF8);

    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }
        throw new DirectoryNotFoundException("shared/datasets was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A POST with the body and headers given (name, value pairs).</summary>
    public static HttpRequest Request(byte[] body, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }
        return context.Request;
    }
}
