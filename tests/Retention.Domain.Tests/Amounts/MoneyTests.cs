using Retention.Domain.Amounts;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Amounts;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("10", "JPY", "10")]
    [InlineData("10.00", "JPY", "10")]
    [InlineData("0", "JPY", "0")]
    [InlineData("10.5", "EUR", "10.50")]
    [InlineData("10.50", "EUR", "10.50")]
    [InlineData("10.5000", "EUR", "10.50")]
    [InlineData("0.01", "EUR", "0.01")]
    [InlineData("0", "EUR", "0.00")]
    [InlineData("1.234", "KWD", "1.234")]
    [InlineData("1.2", "KWD", "1.200")]
    [InlineData("999999999999.99", "EUR", "999999999999.99")]
    [InlineData("999999999999", "JPY", "999999999999")]
    [InlineData("999999999999.9999", "CLF", "999999999999.9999")]
    public void TryCreate_AmountWithinCurrencyRules_FormatsWithCurrencyDecimals(string amount, string currency, string formatted)
    {
        var ok = Money.TryCreate(Sample.Amount(amount), CurrencyCode.Parse(currency), out var money, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal(Sample.Amount(amount), money.Amount);
        Assert.Equal(currency, money.Currency.Code);
        Assert.Equal(formatted, money.FormatAmount());
        Assert.Equal($"{formatted} {currency}", money.ToString());
    }

    [Theory]
    [InlineData("10.5", "JPY", "has more decimal places than JPY allows (0)")]
    [InlineData("0.1", "JPY", "has more decimal places than JPY allows (0)")]
    [InlineData("0.001", "EUR", "has more decimal places than EUR allows (2)")]
    [InlineData("10.505", "EUR", "has more decimal places than EUR allows (2)")]
    [InlineData("1.2345", "KWD", "has more decimal places than KWD allows (3)")]
    [InlineData("1.00001", "CLF", "has more decimal places than CLF allows (4)")]
    [InlineData("-0.01", "EUR", "must be zero or more")]
    [InlineData("-1", "JPY", "must be zero or more")]
    [InlineData("-10.555", "EUR", "must be zero or more")]
    [InlineData("1000000000000", "JPY", "must be at most 999999999999.9999")]
    [InlineData("1000000000000.00", "EUR", "must be at most 999999999999.9999")]
    [InlineData("1000000000000.0000", "CLF", "must be at most 999999999999.9999")]
    [InlineData("79228162514264337593543950335", "EUR", "must be at most 999999999999.9999")]
    public void TryCreate_AmountBreakingARule_FailsWithReason(string amount, string currency, string reason)
    {
        var ok = Money.TryCreate(Sample.Amount(amount), CurrencyCode.Parse(currency), out var money, out var error);

        Assert.False(ok);
        Assert.Equal(default, money);
        Assert.Equal(reason, error?.Reason);
    }

    [Fact]
    public void TryCreate_MaxAmount_IsInclusive()
    {
        var clf = CurrencyCode.Parse("CLF");

        Assert.True(Money.TryCreate(Money.MaxAmount, clf, out _, out _));
        Assert.False(Money.TryCreate(Money.MaxAmount + 0.0001m, clf, out _, out _));
    }

    [Fact]
    public void Add_SameCurrency_SumsAmounts()
    {
        var sum = Sample.Money("10.50") + Sample.Money("0.25");

        Assert.Equal(Sample.Money("10.75"), sum);
        Assert.Equal("10.75", sum.FormatAmount());
    }

    [Fact]
    public void Subtract_SameCurrency_SubtractsAmounts()
    {
        var difference = Sample.Money("1000", "JPY") - Sample.Money("1", "JPY");

        Assert.Equal(Sample.Money("999", "JPY"), difference);
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Sample.Money("10.00") + Sample.Money("10.00", "USD"));

        Assert.Equal("Cannot combine EUR and USD amounts.", ex.Message);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Sample.Money("10", "JPY") - Sample.Money("1.000", "KWD"));

        Assert.Equal("Cannot combine JPY and KWD amounts.", ex.Message);
    }

    [Fact]
    public void Equals_SameAmountDifferentScale_AreEqual()
    {
        Assert.Equal(Sample.Money("10.5"), Sample.Money("10.50"));
        Assert.NotEqual(Sample.Money("10.50"), Sample.Money("10.50", "USD"));
    }

    [Theory]
    [InlineData("JPY", "0 JPY")]
    [InlineData("EUR", "0.00 EUR")]
    [InlineData("KWD", "0.000 KWD")]
    public void Zero_Currency_FormatsWithItsDecimals(string currency, string expected)
    {
        var zero = Money.Zero(CurrencyCode.Parse(currency));

        Assert.Equal(0m, zero.Amount);
        Assert.Equal(expected, zero.ToString());
    }
}
