using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Retention.Domain.Amounts;

/// <summary>
/// An active ISO 4217 currency code (three upper-case letters) and the number of decimal places
/// (minor units) the currency allows. Precious metals, test codes and withdrawn codes are rejected.
/// </summary>
public readonly record struct CurrencyCode
{
    // Active ISO 4217 codes (list 1, 2025 edition) with their minor units.
    private const string Table =
        "AED2 AFN2 ALL2 AMD2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 BMD2 BND2 BOB2 BOV2 BRL2 " +
        "BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHE2 CHF2 CHW2 CLF4 CLP0 CNY2 COP2 COU2 CRC2 CUP2 CVE2 CZK2 DJF0 " +
        "DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 " +
        "HUF2 IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2 JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 " +
        "LBP2 LKR2 LRD2 LSL2 LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MXV2 MYR2 MZN2 " +
        "NAD2 NGN2 NIO2 NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 RUB2 RWF0 SAR2 " +
        "SBD2 SCR2 SDG2 SEK2 SGD2 SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 " +
        "TTD2 TWD2 TZS2 UAH2 UGX0 USD2 USN2 UYI0 UYU2 UYW4 UZS2 VED2 VES2 VND0 VUV0 WST2 XAF0 XCD2 XCG2 XOF0 " +
        "XPF0 YER2 ZAR2 ZMW2 ZWG2";

    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = Table
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenDictionary(entry => entry[..3], entry => entry[3] - '0', StringComparer.Ordinal);

    private CurrencyCode(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The three upper-case letters, e.g. <c>EUR</c>.</summary>
    public string Code { get; }

    /// <summary>Decimal places an amount in this currency may have: 2 for EUR, 0 for JPY, 3 for KWD.</summary>
    public int MinorUnits { get; }

    /// <summary>Accepts an active ISO 4217 code in upper case; anything else is an error that says why.</summary>
    public static bool TryParse(string? value, out CurrencyCode currency, [NotNullWhen(false)] out FieldError? error)
    {
        currency = default;
        if (string.IsNullOrEmpty(value))
        {
            error = new FieldError("is required: a three-letter ISO 4217 code such as EUR");
            return false;
        }
        if (value.Length != 3 || !value.All(char.IsAsciiLetterUpper))
        {
            error = new FieldError("must be three upper-case letters (ISO 4217), such as EUR");
            return false;
        }
        if (!MinorUnitsByCode.TryGetValue(value, out var minorUnits))
        {
            error = new FieldError($"'{value}' is not an active ISO 4217 currency code");
            return false;
        }
        currency = new CurrencyCode(value, minorUnits);
        error = null;
        return true;
    }

    /// <summary>Parses a code that is known to be valid (constants, stored data); throws otherwise.</summary>
    public static CurrencyCode Parse(string value) =>
        TryParse(value, out var currency, out var error)
            ? currency
            : throw new FormatException($"Currency code {error.Reason}.");

    /// <inheritdoc />
    public override string ToString() => Code ?? "";
}
