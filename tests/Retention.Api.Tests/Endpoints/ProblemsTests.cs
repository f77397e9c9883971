using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Retention.Api.Endpoints;
using Retention.Api.Json;
using Retention.Api.Tests.Support;

namespace Retention.Api.Tests.Endpoints;

public sealed class ProblemsTests
{
    private const string ProblemJson = "application/problem+json";

    public static TheoryData<string, int, string, string, string> Simple => new()
    {
        { "InvalidBody", 400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "The body is not valid JSON.", "invalid-json" },
        { "EmptyBody", 400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "The body is empty.", "empty-body" },
        { "Unauthorized", 401, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "A valid function key is required.", "missing-or-wrong-key" },
        { "NotFound", 404, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not found.", "not-found" },
        { "Conflict", 409, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "Conflict with what was recorded before.", "order-conflict" },
        { "TooLarge", 413, "https://tools.ietf.org/html/rfc9110#section-15.5.14", "The body is too large.", "body-too-large" },
        { "UnsupportedMediaType", 415, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "The body must be JSON.", "unsupported-media-type" },
        { "Unavailable", 503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Storage is unavailable.", "storage-unavailable" },
        { "Unexpected", 500, "about:blank", "Unexpected error.", "unexpected-error" },
    };

    private static ProblemHttpResult Make(string kind) => kind switch
    {
        "InvalidBody" => Problems.InvalidBody("'}' is invalid after a value."),
        "EmptyBody" => Problems.EmptyBody(),
        "Unauthorized" => Problems.Unauthorized(),
        "NotFound" => Problems.NotFound("No order 'order-1'."),
        "Conflict" => Problems.Conflict("Order 'order-1' was recorded with other content.", "order-conflict"),
        "TooLarge" => Problems.TooLarge(1024),
        "UnsupportedMediaType" => Problems.UnsupportedMediaType("text/plain"),
        "Unavailable" => Problems.Unavailable(),
        "Unexpected" => Problems.Problem(500, "Unexpected error.", "Trace 42.", "unexpected-error"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(Simple))]
    public async Task ExecuteAsync_Problem_WritesProblemJsonWithStatusTitleTypeAndCode(string kind, int status, string type, string title, string code)
    {
        var (actualStatus, contentType, body) = await Http.ExecuteAsync(Make(kind));

        Assert.Equal(status, actualStatus);
        Assert.Equal(ProblemJson, contentType);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(type, body.GetProperty("type").GetString());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("detail").ValueKind);
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ExecuteAsync_Validation_ListsErrorsByJsonPath()
    {
        var errors = new ValidationErrors();
        errors.Add("$.items[2].quantity", "must be a whole number from 1 to 100000");
        errors.Add("$.discountCodes[0]", "must be a string");
        errors.Add("$.discountCodes[0]", "must not be empty");

        var (status, contentType, body) = await Http.ExecuteAsync(Problems.Validation(errors));

        Assert.Equal(400, status);
        Assert.Equal(ProblemJson, contentType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", body.GetProperty("type").GetString());
        Assert.Equal("The request has invalid fields.", body.GetProperty("title").GetString());
        Assert.Equal("invalid-fields", body.GetProperty("code").GetString());
        var byPath = body.GetProperty("errors");
        Assert.Equal(
            ["$.discountCodes[0]", "$.items[2].quantity"],
            byPath.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["must be a whole number from 1 to 100000"], byPath.GetProperty("$.items[2].quantity").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(["must be a string", "must not be empty"], byPath.GetProperty("$.discountCodes[0]").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task ExecuteAsync_FieldWith422_UnprocessableWithTheField()
    {
        var (status, contentType, body) = await Http.ExecuteAsync(
            Problems.Field("$.amount", "must be at most what remains (40.00 EUR)", StatusCodes.Status422UnprocessableEntity));

        Assert.Equal(422, status);
        Assert.Equal(ProblemJson, contentType);
        Assert.Equal(422, body.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.21", body.GetProperty("type").GetString());
        Assert.Equal("unprocessable", body.GetProperty("code").GetString());
        Assert.Equal("must be at most what remains (40.00 EUR)", body.GetProperty("errors").GetProperty("$.amount")[0].GetString());
    }

    [Fact]
    public async Task ExecuteAsync_Details_CarryTheGivenText()
    {
        var (_, _, unsupported) = await Http.ExecuteAsync(Problems.UnsupportedMediaType(null));
        var (_, _, notFound) = await Http.ExecuteAsync(Problems.NotFound("No order 'order-1'."));

        Assert.Equal("Send Content-Type: application/json (UTF-8); got 'none'.", unsupported.GetProperty("detail").GetString());
        Assert.Equal("No order 'order-1'.", notFound.GetProperty("detail").GetString());
    }

    [Fact]
    public void TooLarge_Detail_DoesNotDependOnTheServerCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            var problem = Problems.TooLarge(1_048_576);

            Assert.Equal("The body may be at most 1,048,576 bytes.", problem.ProblemDetails.Detail);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
