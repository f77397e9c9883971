using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Retention.Api.Json;

namespace Retention.Api.Endpoints;

/// <summary>
/// RFC 9457 problem responses (<c>application/problem+json</c>). Each carries a stable <c>code</c> for programs
/// and a <c>detail</c> for people; none carries a stack trace, a secret or personal data.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult Validation(ValidationErrors errors, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = status,
            Type = TypeFor(status),
            Title = "The request has invalid fields.",
            Detail = "See 'errors': each key is the JSON path of a field, each value says what is wrong with it.",
            Extensions = { ["code"] = status == StatusCodes.Status400BadRequest ? "invalid-fields" : "unprocessable" },
        });

    public static ProblemHttpResult Field(string path, string reason, int status) =>
        Validation(Single(path, reason), status);

    public static ProblemHttpResult InvalidBody(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON.", detail, "invalid-json");

    public static ProblemHttpResult EmptyBody() =>
        Problem(StatusCodes.Status400BadRequest, "The body is empty.", "Send a JSON object as the request body.", "empty-body");

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large.", string.Create(CultureInfo.InvariantCulture, $"The body may be at most {maxBytes:N0} bytes."), "body-too-large");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.",
            $"Send Content-Type: application/json (UTF-8); got '{contentType ?? "none"}'.", "unsupported-media-type");

    public static ProblemHttpResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "A valid function key is required.",
            "Send the key in the x-functions-key header or the 'code' query parameter.", "missing-or-wrong-key");

    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found.", detail, "not-found");

    public static ProblemHttpResult Conflict(string detail, string code) =>
        Problem(StatusCodes.Status409Conflict, "Conflict with what was recorded before.", detail, code);

    public static ProblemHttpResult Unavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable.",
            "Retry the same request: a retry completes what was not done and never counts or sends anything twice.", "storage-unavailable");

    public static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = TypeFor(status),
            Title = title,
            Detail = detail,
            Extensions = { ["code"] = code },
        });

    private static ValidationErrors Single(string path, string reason)
    {
        var errors = new ValidationErrors();
        errors.Add(path, reason);
        return errors;
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
