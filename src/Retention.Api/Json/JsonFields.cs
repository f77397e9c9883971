using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Retention.Api.Json;

/// <summary>
/// Reads the fields of one JSON object, checking each field's JSON type and recording what is wrong under its
/// JSON path, so that one response can list every invalid field at once.
/// </summary>
internal sealed partial class JsonFields(JsonElement element, string path, ValidationErrors errors)
{
    public ValidationErrors Errors { get; } = errors;

    /// <summary>Checks that the element is an object; reports it and returns false otherwise.</summary>
    public bool IsObject()
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        Errors.Add(path, "must be a JSON object");
        return false;
    }

    public string PathOf(string name) => path + "." + name;

    public string? String(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            return Wrong(name, "must be a string");
        }
        return value.GetString();
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Errors.Add(PathOf(name), "must be true or false");
        return null;
    }

    /// <summary>A decimal amount: a JSON number or a string holding a plain decimal number ("12.50").</summary>
    public decimal? Decimal(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && PlainDecimal().IsMatch(value.GetString()!)
            && decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        Errors.Add(PathOf(name), value.ValueKind switch
        {
            JsonValueKind.Number => "is out of range for a decimal amount",
            JsonValueKind.String => "must be a number such as 12.50, or a string holding one (no exponent)",
            _ => "must be a number",
        });
        return null;
    }

    public long? Integer(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        Errors.Add(PathOf(name), "must be a whole number");
        return null;
    }

    /// <summary>An instant in ISO 8601 / RFC 3339 with an explicit offset: <c>2026-11-24T10:15:00Z</c> or <c>...+01:00</c>.</summary>
    public DateTimeOffset? Instant(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (IsoInstant().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            return instant;
        }
        Errors.Add(PathOf(name), "must be an ISO 8601 date and time with an offset, such as 2026-11-24T10:15:00Z or 2026-11-24T11:15:00+01:00");
        return null;
    }

    /// <summary>An array, or null (with an error) when the field is present and not an array.</summary>
    public JsonElement? Array(string name, int maxLength)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Wrong<JsonElement?>(name, "must be an array");
        }
        if (value.GetArrayLength() > maxLength)
        {
            return Wrong<JsonElement?>(name, $"must have at most {maxLength} entries");
        }
        return value;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        if (required)
        {
            Errors.Add(PathOf(name), "is required");
        }
        return false;
    }

    private string? Wrong(string name, string reason) => Wrong<string?>(name, reason);

    private T? Wrong<T>(string name, string reason)
    {
        Errors.Add(PathOf(name), reason);
        return default;
    }

    // \z, not $: $ also matches before a final "\n".
    [GeneratedRegex(@"^-?[0-9]{1,29}(\.[0-9]{1,28})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDecimal();

    // \z, not $: $ also matches before a final "\n", and DateTimeOffset.TryParse would then accept "...Z\n".
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}
