using Retention.Domain.Amounts;

namespace Retention.Domain.Tests.Amounts;

public sealed class CurrencyCodeTests
{
    private const string NotThreeUpperCaseLetters = "must be three upper-case letters (ISO 4217), such as EUR";

    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("GBP", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("ISK", 0)]
    [InlineData("XOF", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("TND", 3)]
    [InlineData("CLF", 4)]
    [InlineData("UYW", 4)]
    [InlineData("ZWG", 2)]
    [InlineData("XCG", 2)]
    [InlineData("SLE", 2)]
    public void TryParse_ActiveCode_KnowsItsMinorUnits(string value, int minorUnits)
    {
        var ok = CurrencyCode.TryParse(value, out var currency, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal(value, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(value, currency.ToString());
    }

    [Theory]
    [InlineData(null, "is required: a three-letter ISO 4217 code such as EUR")]
    [InlineData("", "is required: a three-letter ISO 4217 code such as EUR")]
    [InlineData("eur", NotThreeUpperCaseLetters)]
    [InlineData("Eur", NotThreeUpperCaseLetters)]
    [InlineData("EU", NotThreeUpperCaseLetters)]
    [InlineData("EURO", NotThreeUpperCaseLetters)]
    [InlineData(" EUR", NotThreeUpperCaseLetters)]
    [InlineData("EUR ", NotThreeUpperCaseLetters)]
    [InlineData("E1R", NotThreeUpperCaseLetters)]
    [InlineData("978", NotThreeUpperCaseLetters)]
    [InlineData("€", NotThreeUpperCaseLetters)]
    [InlineData("ÉUR", NotThreeUpperCaseLetters)]
    [InlineData("ABC", "'ABC' is not an active ISO 4217 currency code")]
    [InlineData("XXX", "'XXX' is not an active ISO 4217 currency code")]
    [InlineData("XTS", "'XTS' is not an active ISO 4217 currency code")]
    [InlineData("XAU", "'XAU' is not an active ISO 4217 currency code")]
    [InlineData("HRK", "'HRK' is not an active ISO 4217 currency code")]
    [InlineData("VEF", "'VEF' is not an active ISO 4217 currency code")]
    [InlineData("LTL", "'LTL' is not an active ISO 4217 currency code")]
    [InlineData("DEM", "'DEM' is not an active ISO 4217 currency code")]
    [InlineData("ZWL", "'ZWL' is not an active ISO 4217 currency code")]
    public void TryParse_InvalidCode_FailsWithReason(string? value, string reason)
    {
        var ok = CurrencyCode.TryParse(value, out var currency, out var error);

        Assert.False(ok);
        Assert.Equal(default, currency);
        Assert.Equal(reason, error?.Reason);
    }

    [Fact]
    public void Parse_LowerCase_ThrowsFormatException()
    {
        var ex = Assert.Throws<FormatException>(() => CurrencyCode.Parse("eur"));

        Assert.Equal("Currency code must be three upper-case letters (ISO 4217), such as EUR.", ex.Message);
    }

    [Fact]
    public void Parse_SameCode_GivesEqualCurrencies()
    {
        Assert.Equal(CurrencyCode.Parse("EUR"), CurrencyCode.Parse("EUR"));
        Assert.NotEqual(CurrencyCode.Parse("EUR"), CurrencyCode.Parse("USD"));
    }
}
