using System.Globalization;
using Retention.Application.Messages.Templates.Strings;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;

namespace Retention.Application.Messages.Templates;

/// <summary>
/// The language a customer is written to in, and how numbers, amounts and dates look in it.
/// Language: the customer's own if we have templates for it, else the store default's, else English.
/// Culture: the customer's full tag when .NET knows it and it names that language (hi-IN, bn-IN, en-GB), else the
/// store default's, else the language's usual one (en-US, hi-IN, fa-IR, gu-IN, bn-BD).
/// </summary>
internal sealed class TemplateLocale
{
    internal static readonly IReadOnlyList<IMessageStrings> Languages = [new En(), new Hi(), new Fa(), new Gu(), new Bn()];

    private readonly char? _zero;
    private readonly Lazy<string> _homeCurrency;

    private TemplateLocale(IMessageStrings strings, CultureInfo culture)
    {
        Strings = strings;
        Culture = culture;
        _homeCurrency = new(() => new RegionInfo(culture.Name).ISOCurrencySymbol);
        // An explicit "-u-nu-latn" (Latin digits) in the customer's tag wins over the language's native digits.
        _zero = culture.Name.Contains("-nu-latn", StringComparison.OrdinalIgnoreCase) ? null : strings.NativeZero;
    }

    public IMessageStrings Strings { get; }
    public CultureInfo Culture { get; }
    public string Language => Strings.Language;
    public bool RightToLeft => Strings.RightToLeft;
    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>The side text starts on: <c>right</c> for right-to-left languages.</summary>
    public string Start => RightToLeft ? "right" : "left";

    public static TemplateLocale Choose(LocaleTag preferred, LocaleTag storeDefault)
    {
        var strings = Find(preferred) ?? Find(storeDefault) ?? Languages[0];
        var culture = KnownCulture(preferred, strings) ?? KnownCulture(storeDefault, strings) ?? CultureInfo.GetCultureInfo(strings.DefaultCulture);
        return new TemplateLocale(strings, culture);
    }

    /// <summary>
    /// The calendar date of <paramref name="at"/> in the offset it carries (the store's, as the message was written),
    /// in the culture's calendar: Solar Hijri for Persian ("۱۷ آذر ۱۴۰۵"), Gregorian elsewhere ("8 December 2026").
    /// </summary>
    public string Date(DateTimeOffset at) => Digits(at.DateTime.ToString(Strings.DatePattern(Culture), Culture));

    public Count Number(long value) => new(value, Digits(value.ToString("N0", Culture)));

    /// <summary>A percentage such as 15 as the culture writes it ("15%", "۱۵٪"), with as many decimals as it has (12.5 → "12.5%").</summary>
    public string Percent(decimal percent)
    {
        var decimals = 0;
        while (decimals < 4 && decimal.Round(percent, decimals) != percent)
        {
            decimals++;
        }
        return Digits((percent / 100m).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture));
    }

    /// <summary>An amount with the currency's decimal places and its usual symbol in this language (₹1,000.00, $15.00, ۱۵٫۰۰ $).</summary>
    public string Money(Money money)
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = CurrencySymbols.For(money.Currency.Code, Language);
        format.CurrencyDecimalDigits = money.Currency.MinorUnits;
        var local = Culture.NumberFormat.CurrencyDecimalDigits;
        if (local < money.Currency.MinorUnits && money.Currency.Code == _homeCurrency.Value && decimal.Round(money.Amount, local) == money.Amount)
        {
            // Where people write their own currency without decimals (the Iranian rial), so do we, when no amount is lost.
            format.CurrencyDecimalDigits = local;
        }
        if (RightToLeft)
        {
            // Persian writes the currency after the amount ("۱۰۰ دلار"); ICU's Persian pattern puts it first and
            // relies on a direction mark .NET drops, which renders the symbol glued to the wrong side.
            format.CurrencyPositivePattern = 3;
        }
        return Digits(money.Amount.ToString("C", format));
    }

    private string Digits(string text)
    {
        if (_zero is not { } zero)
        {
            return text;
        }
        return string.Create(text.Length, (text, zero), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = char.IsAsciiDigit(c) ? (char)(state.zero + (c - '0')) : c;
            }
        });
    }

    private static IMessageStrings? Find(LocaleTag tag)
    {
        var language = LanguageOf(tag);
        return Languages.FirstOrDefault(l => l.Language == language);
    }

    private static string LanguageOf(LocaleTag tag)
    {
        var value = tag.Value ?? "";
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? value : value[..dash]).ToLowerInvariant();
    }

    private static CultureInfo? KnownCulture(LocaleTag tag, IMessageStrings strings)
    {
        if (string.IsNullOrEmpty(tag.Value) || LanguageOf(tag) != strings.Language)
        {
            return null;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag.Value, predefinedOnly: true);
            return culture.IsNeutralCulture ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            // A well-formed tag that ICU does not know (hi-FR): the language's usual culture is the answer, not an error.
            return null;
        }
    }
}
