using Retention.Api.Json;
using Retention.Domain.Amounts;
using Retention.Domain.Purchases;
using static Retention.Api.Webhooks.WebhookJson;

namespace Retention.Api.Webhooks;

/// <summary>The fields every purchase needs (time, currency, total), checked with the domain's rules and reported under their JSON path.</summary>
internal static class WebhookValues
{
    public const string InstantReason = "must be an ISO 8601 date and time with an offset, such as 2008-01-10T11:00:00-05:00";

    /// <param name="utc">True for WooCommerce's <c>*_gmt</c> fields, which are UTC without a marker.</param>
    public static DateTimeOffset? RequiredInstant(string? text, string path, string missing, DateTimeOffset now, ValidationErrors errors, bool utc = false)
    {
        if (text is null)
        {
            errors.Add(path, missing);
            return null;
        }
        var at = utc ? Utc(text) : Instant(text);
        if (at is null)
        {
            errors.Add(path, utc ? "must be a date and time in UTC such as 2017-03-22T19:28:08" : InstantReason);
            return null;
        }
        if (PurchaseRules.CheckPurchasedAt(at.Value, now) is { } timeError)
        {
            errors.Add(path, timeError.Reason);
            return null;
        }
        return at;
    }

    public static CurrencyCode? RequiredCurrency(string? text, string path, ValidationErrors errors)
    {
        if (CurrencyCode.TryParse(text, out var currency, out var error))
        {
            return currency;
        }
        errors.Add(path, error.Reason);
        return null;
    }

    public static Money? RequiredTotal(string? text, string path, CurrencyCode? currency, ValidationErrors errors)
    {
        if (text is null)
        {
            errors.Add(path, "is required");
            return null;
        }
        if (!TryDecimal(text, out var value))
        {
            errors.Add(path, "must be a number such as 12.50");
            return null;
        }
        if (currency is not { } c)
        {
            return null;
        }
        if (Money.TryCreate(value, c, out var money, out var error))
        {
            return money;
        }
        errors.Add(path, error.Reason);
        return null;
    }
}
