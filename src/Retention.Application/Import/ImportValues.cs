using System.Globalization;
using Retention.Domain.Calendar;

namespace Retention.Application.Import;

/// <summary>Parsing of the numbers, dates and flags that import files hold, the same way for every format.</summary>
internal static class ImportValues
{
    public const string DateExamples = "2011-12-09, 19970101, 2011-12-09 08:26:00, 12/9/2011 8:26, 2011-12-09 08:26:00 +0100 or 2011-12-09T08:26:00Z";

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        // The UCI Online Retail spreadsheet exported to CSV by Excel (US locale).
        "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy",
    ];

    private static readonly string[] OffsetFormats = ["yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm zzz"];

    /// <summary>A decimal in invariant culture: optional sign, optional decimal point, no thousands separators.</summary>
    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out value);

    /// <summary>A whole number; "3.0" counts as 3 (spreadsheets write whole numbers that way).</summary>
    public static bool TryWhole(string? text, out long value)
    {
        value = 0;
        if (!TryDecimal(text, out var number) || number != decimal.Truncate(number) || number is > long.MaxValue or < long.MinValue)
        {
            return false;
        }
        value = (long)number;
        return true;
    }

    public static string NotANumber(string? text) => $"must be a number such as 12.50 (got '{Shorten(text)}')";

    public static string NotADate(string? text) => $"must be a date such as {DateExamples} (got '{Shorten(text)}')";

    /// <summary>
    /// An instant: with an offset (ISO 8601 or Shopify's <c>2025-10-07 09:50:26 +0200</c>) as given; a day or a local
    /// time without an offset in the store's time zone (a time that a DST change skips moves forward to the first valid one).
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? text, StoreCalendar calendar)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            return calendar.StartOf(compact);
        }
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return calendar.StartOf(day);
        }
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var shopify))
        {
            return shopify;
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 19 && (text[^6] is '+' or '-') && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return InZone(local, calendar.Zone);
        }
        return null;
    }

    /// <summary>A time written in UTC without a marker (WooCommerce's <c>date_created_gmt</c>).</summary>
    public static DateTimeOffset? ParseUtc(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    /// <summary>yes/true/1 or no/false/0, any case; null when empty; false with <paramref name="valid"/> false otherwise.</summary>
    public static bool? ParseFlag(string? text, out bool valid)
    {
        valid = true;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "yes" or "true" or "1" or "y":
                return true;
            case "no" or "false" or "0" or "n":
                return false;
            default:
                valid = false;
                return null;
        }
    }

    /// <summary>A free-text reason: control characters and runs of white space as one space, at most 500 characters; null when empty.</summary>
    public static string? Reason(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => !char.IsControl(c)) ]))
            .Where(w => w.Length > 0);
        var reason = string.Join(' ', words);
        reason = reason.Length > 500 ? reason[..500].TrimEnd() : reason;
        if (reason.Length > 0 && char.IsHighSurrogate(reason[^1]))
        {
            reason = reason[..^1];
        }
        return reason.Length == 0 ? null : reason;
    }

    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
