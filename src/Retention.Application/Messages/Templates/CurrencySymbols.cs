using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Retention.Application.Messages.Templates;

/// <summary>
/// The symbol a reader of a language expects for an ISO 4217 currency, from the cultures .NET knows: the
/// language's own culture for the currency's country (fa-IR: ریال, bn-BD: ৳), else any culture of the language that
/// uses it, else English in the currency's country (en-US: $, en-IN: ₹, en-GB: £), else the code itself.
/// </summary>
internal static class CurrencySymbols
{
    private static readonly Lazy<ILookup<string, CultureInfo>> _culturesByCurrency = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .ToLookup(c => new RegionInfo(c.Name).ISOCurrencySymbol, StringComparer.Ordinal));

    private static readonly ConcurrentDictionary<(string Currency, string Language), string> _symbols = new();

    public static string For(string currency, string language) =>
        _symbols.GetOrAdd((currency, language), static key => Find(key.Currency, key.Language));

    private static string Find(string currency, string language)
    {
        var cultures = _culturesByCurrency.Value[currency].ToList();
        var country = currency[..2];
        var culture =
            cultures.Find(c => c.TwoLetterISOLanguageName == language && RegionOf(c) == country)
            ?? cultures.Find(c => c.TwoLetterISOLanguageName == language)
            ?? cultures.Find(c => c.TwoLetterISOLanguageName == "en" && RegionOf(c) == country)
            ?? cultures.Find(c => RegionOf(c) == country)
            ?? cultures.Find(c => c.TwoLetterISOLanguageName == "en");
        if (culture is null)
        {
            return currency;
        }
        var symbol = culture.NumberFormat.CurrencySymbol;
        // Borrowed from another language's culture: drop its full-width forms (ja-JP's "￥" is "¥" in other text).
        return culture.TwoLetterISOLanguageName == language ? symbol : symbol.Normalize(NormalizationForm.FormKC);
    }

    private static string RegionOf(CultureInfo culture) => new RegionInfo(culture.Name).TwoLetterISORegionName;
}
