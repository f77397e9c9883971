using System.Net;
using System.Text.Json;

namespace Retention.Integration.Tests.Support;

/// <summary>Asserts RFC 9457 problem responses.</summary>
internal static class Problem
{
    public const string MediaType = "application/problem+json";

    /// <summary>Checks status, media type, and that the body is a problem with the same status and a title; returns the body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
        }
        return body;
    }

    /// <summary>The reasons listed under one JSON path in a validation problem's <c>errors</c>; fails when the path is absent.</summary>
    public static string[] ErrorsAt(JsonElement problem, string path)
    {
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out var reasons), $"No error at {path}; errors: {errors}");
        return [.. reasons.EnumerateArray().Select(r => r.GetString()!)];
    }

    public static string[] ErrorPaths(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
