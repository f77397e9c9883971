using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Retention.Api.Tests.Support;

/// <summary>Requests and responses in memory, without a server.</summary>
internal static class Http
{
    public static HttpRequest Request(byte[] body, string? contentType = "application/json", bool sendContentLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentType = contentType;
        if (sendContentLength)
        {
            context.Request.ContentLength = body.Length;
        }
        return context.Request;
    }

    /// <summary>Executes a result as ASP.NET Core would and returns the status, the content type and the parsed body.</summary>
    public static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync(IResult result)
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        body.Position = 0;
        using var document = await JsonDocument.ParseAsync(body);
        return (context.Response.StatusCode, context.Response.ContentType, document.RootElement.Clone());
    }
}
