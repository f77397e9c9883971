using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Retention.Api.Webhooks;

/// <summary>
/// Lenient reads of platform payloads: ids that are numbers or strings, amounts that are strings or numbers, empty
/// strings that mean "not given". Strictness stays where it matters: amounts, dates and ids go through the domain's rules.
/// </summary>
internal static partial class WebhookJson
{
    /// <summary>A string or number property as trimmed text; null when it is missing, null, empty or of another kind.</summary>
    public static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>An object property, or an undefined element when it is missing or not an object.</summary>
    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>The items of an array property with their index; none when it is missing or not an array.</summary>
    public static IEnumerable<(int Index, JsonElement Item)> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select((item, index) => (index, item))
            : [];

    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>True or false; null when missing or not a boolean.</summary>
    public static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    /// <summary>A plain decimal ("598.94", "-10.00", 12, 3.5); no exponent, no thousands separator.</summary>
    public static bool TryDecimal(string? text, out decimal value)
    {
        value = 0;
        return text is not null && PlainDecimal().IsMatch(text)
               && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An instant with an explicit offset (Shopify: <c>2008-01-10T11:00:00-05:00</c>).</summary>
    public static DateTimeOffset? Instant(string? text) =>
        text is not null && IsoInstant().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : null;

    /// <summary>A UTC time without a marker (WooCommerce's <c>*_gmt</c> fields: <c>2017-03-22T19:28:08</c>); one with an offset is taken as given.</summary>
    public static DateTimeOffset? Utc(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (IsoLocal().IsMatch(text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }
        return Instant(text);
    }

    /// <summary>
    /// A free-text reason (a refund note, a cancel reason) made storable: control characters and runs of white space become
    /// one space, cut to 500 characters; null when nothing is left. The same input always gives the same text, so a
    /// retried refund stays identical.
    /// </summary>
    public static string? Reason(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var builder = new StringBuilder(Math.Min(text.Length, 500));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        var reason = builder.Length > 500 ? builder.ToString(0, 500).TrimEnd() : builder.ToString();
        if (reason.Length > 0 && char.IsHighSurrogate(reason[^1]))
        {
            reason = reason[..^1];
        }
        return reason.Length == 0 ? null : reason;
    }

    // \z, not $: $ also matches before a final "\n".
    [GeneratedRegex(@"^-?[0-9]{1,29}(\.[0-9]{1,28})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDecimal();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoLocal();
}
