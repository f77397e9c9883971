using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Retention.Api.Json;
using Retention.Application.Messages;
using Retention.Application.Messages.Templates;
using Retention.Domain.Customers;

namespace Retention.Api.Endpoints;

/// <summary>
/// Customer-facing unsubscribe pages (no key: the signed token is the proof) and the storefront's consent updates (key).
/// </summary>
public sealed class MessageEndpoints(Unsubscribe unsubscribe, UpdateConsent updateConsent, IOptions<BrandOptions> brand, IOptions<MessagesOptions> messages, TimeProvider clock)
{
    /// <summary>
    /// <c>GET /api/unsubscribe?token=</c>: a confirmation page with one button. A GET never unsubscribes, because link
    /// scanners and previews fetch links; the button (and mail clients' one-click, RFC 8058) POST.
    /// </summary>
    public IResult ConfirmPage(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        var brandOptions = brand.Value;
        var fallback = messages.Value.DefaultLocaleTag;
        return unsubscribe.Check(token) switch
        {
            UnsubscribeToken.Valid valid => Page(context, StatusCodes.Status200OK,
                UnsubscribePages.Confirm(valid.Locale ?? fallback, fallback, brandOptions, "unsubscribe?token=" + Uri.EscapeDataString(token))),
            UnsubscribeToken.Expired expired => Page(context, StatusCodes.Status410Gone, UnsubscribePages.Invalid(expired.Locale ?? fallback, fallback, brandOptions, expired: true)),
            _ => Page(context, StatusCodes.Status400BadRequest, UnsubscribePages.Invalid(fallback, fallback, brandOptions, expired: false)),
        };
    }

    /// <summary><c>POST /api/unsubscribe?token=</c>: unsubscribes at once; the body (<c>List-Unsubscribe=One-Click</c> or our form's) is not needed.</summary>
    public async Task<IResult> UnsubscribeAsync(HttpContext context)
    {
        var outcome = await unsubscribe.ExecuteAsync(context.Request.Query["token"].ToString(), context.RequestAborted);
        var brandOptions = brand.Value;
        var fallback = messages.Value.DefaultLocaleTag;
        var locale = outcome.Locale ?? fallback;
        return outcome.Result switch
        {
            UnsubscribeResult.Unsubscribed => Page(context, StatusCodes.Status200OK, UnsubscribePages.Done(locale, fallback, brandOptions)),
            UnsubscribeResult.AlreadyUnsubscribed => Page(context, StatusCodes.Status200OK, UnsubscribePages.AlreadyDone(locale, fallback, brandOptions)),
            UnsubscribeResult.Expired => Page(context, StatusCodes.Status410Gone, UnsubscribePages.Invalid(locale, fallback, brandOptions, expired: true)),
            _ => Page(context, StatusCodes.Status400BadRequest, UnsubscribePages.Invalid(fallback, fallback, brandOptions, expired: false)),
        };
    }

    /// <summary>
    /// <c>POST /api/customers/{customerId}/consent</c> with <c>{"marketingConsent": true|false, "changedAt": "..."}</c>
    /// (<c>changedAt</c> defaults to now): 200 with the customer's consent record.
    /// </summary>
    public async Task<IResult> UpdateConsentAsync(HttpContext context, string customerIdText)
    {
        var cancellationToken = context.RequestAborted;
        var errors = new ValidationErrors();
        CustomerId? customerId = null;
        if (CustomerId.TryParse(RawPath.SegmentAfter(context, "customers") ?? customerIdText, out var parsed, out var idError))
        {
            customerId = parsed;
        }
        else
        {
            errors.Add("customerId", idError.Reason);
        }
        var (document, problem) = await JsonBody.ReadAsync(context.Request, 64 * 1024, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var fields = new JsonFields(document!.RootElement, "$", errors);
            bool? marketing = null;
            DateTimeOffset? changedAt = null;
            if (fields.IsObject())
            {
                var before = errors.Count;
                marketing = fields.Bool("marketingConsent");
                if (marketing is null && errors.Count == before)
                {
                    errors.Add("$.marketingConsent", "is required: true or false");
                }
                changedAt = fields.Instant("changedAt");
                if (changedAt is { } at && at > clock.GetUtcNow().AddMinutes(5))
                {
                    errors.Add("$.changedAt", "must not be in the future");
                }
            }
            if (!errors.IsEmpty || customerId is null || marketing is null)
            {
                return Problems.Validation(errors);
            }
            var record = await updateConsent.ExecuteAsync(customerId.Value, marketing.Value, changedAt ?? clock.GetUtcNow(), cancellationToken);
            return TypedResults.Json(new ConsentResponse(customerId.Value.Value, record.Marketing?.Value, record.Marketing?.At, record.UnsubscribedAt), JsonOptions);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(HttpContext context, int status, string html)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        // The token is in the address: never send it on to another site.
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; frame-ancestors 'none'";
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private sealed record ConsentResponse(string CustomerId, bool? MarketingConsent, DateTimeOffset? ChangedAt, DateTimeOffset? UnsubscribedAt);
}
