using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Retention.Domain.Customers;

/// <summary>
/// A BCP 47 language tag such as <c>en</c>, <c>pt-BR</c> or <c>zh-Hant-TW</c>, normalised to the
/// conventional case (language lower, script title, region upper).
/// </summary>
public readonly partial record struct LocaleTag
{
    private LocaleTag(string value) => Value = value;

    /// <summary>The normalised tag.</summary>
    public string Value { get; }

    /// <summary>Validates a tag against the BCP 47 well-formedness grammar (RFC 5646 section 2.1, without grandfathered tags).</summary>
    public static bool TryParse(string? value, out LocaleTag locale, [NotNullWhen(false)] out FieldError? error)
    {
        locale = default;
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !LanguageTag().IsMatch(value))
        {
            error = value is not null && value.Contains('_', StringComparison.Ordinal)
                ? new FieldError($"must be a BCP 47 language tag with hyphens, such as {value.Replace('_', '-')}")
                : new FieldError("must be a BCP 47 language tag such as en, en-GB or pt-BR");
            return false;
        }
        locale = new LocaleTag(Normalise(value));
        error = null;
        return true;
    }

    /// <summary>Parses a tag known to be valid; throws otherwise.</summary>
    public static LocaleTag Parse(string value) =>
        TryParse(value, out var locale, out var error) ? locale : throw new FormatException($"Locale {error.Reason}.");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    private static string Normalise(string tag)
    {
        var parts = tag.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        var inExtension = false;
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            inExtension |= part.Length == 1;
            parts[i] = inExtension ? part.ToLowerInvariant()
                : part.Length == 4 && char.IsAsciiLetter(part[0]) ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()
                : part.Length == 2 ? part.ToUpperInvariant()
                : part.ToLowerInvariant();
        }
        return string.Join('-', parts);
    }

    // \z, not $: $ also matches before a final "\n", which would let "en\n" through.
    [GeneratedRegex(
        @"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?" +
        @"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
