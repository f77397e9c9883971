using Retention.Application.Messages.Templates;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;

namespace Retention.Application.Tests.Messages;

public sealed class TemplateLocaleTests
{
    private static TemplateLocale Choose(string preferred, string storeDefault = "en") =>
        TemplateLocale.Choose(LocaleTag.Parse(preferred), LocaleTag.Parse(storeDefault));

    [Theory]
    [InlineData("hi-IN", "en", "hi", "hi-IN")]
    [InlineData("hi", "en", "hi", "hi-IN")]
    [InlineData("fa", "en", "fa", "fa-IR")]
    [InlineData("fa-AF", "en", "fa", "fa-AF")]
    [InlineData("bn-IN", "en", "bn", "bn-IN")]
    [InlineData("bn", "en", "bn", "bn-BD")]
    [InlineData("gu", "en", "gu", "gu-IN")]
    [InlineData("en-GB", "hi-IN", "en", "en-GB")]
    [InlineData("en", "hi-IN", "en", "en-US")]
    [InlineData("de-DE", "hi-IN", "hi", "hi-IN")]
    [InlineData("de-DE", "bn-IN", "bn", "bn-IN")]
    [InlineData("de-DE", "fr-FR", "en", "en-US")]
    [InlineData("hi-FR", "en", "hi", "hi-IN")]
    public void Choose_Tags_PicksLanguageThenTheMostSpecificKnownCulture(string preferred, string storeDefault, string language, string culture)
    {
        var locale = Choose(preferred, storeDefault);

        Assert.Equal(language, locale.Language);
        Assert.Equal(culture, locale.Culture.Name);
    }

    [Theory]
    [InlineData("en-US", "December 8, 2026")]
    [InlineData("en-GB", "8 December 2026")]
    [InlineData("en-IN", "8 December 2026")]
    [InlineData("hi-IN", "8 दिसंबर 2026")]
    [InlineData("gu-IN", "8 ડિસેમ્બર 2026")]
    [InlineData("bn-BD", "৮ ডিসেম্বর ২০২৬")]
    [InlineData("bn-IN", "৮ ডিসেম্বর ২০২৬")]
    [InlineData("fa-IR", "۱۷ آذر ۱۴۰۵")]
    [InlineData("fa-AF", "۱۷ قوس ۱۴۰۵")]
    [InlineData("fa-IR-u-nu-latn", "17 آذر 1405")]
    public void Date_Culture_WritesALongDateInItsCalendarAndDigits(string tag, string expected)
    {
        Assert.Equal(expected, Choose(tag).Date(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.FromHours(5.5))));
    }

    [Theory]
    [InlineData(2025, 3, 20, "۳۰ اسفند ۱۴۰۳")]
    [InlineData(2025, 3, 21, "۱ فروردین ۱۴۰۴")]
    [InlineData(2026, 3, 20, "۲۹ اسفند ۱۴۰۴")]
    [InlineData(2026, 3, 21, "۱ فروردین ۱۴۰۵")]
    [InlineData(2026, 9, 22, "۳۱ شهریور ۱۴۰۵")]
    [InlineData(2026, 9, 23, "۱ مهر ۱۴۰۵")]
    public void Date_Persian_FollowsTheSolarHijriCalendarAcrossNowruz(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, Choose("fa-IR").Date(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(3.5))));
    }

    [Fact]
    public void Date_Instant_IsTheDateInTheOffsetItCarries()
    {
        var lateInIndia = new DateTimeOffset(2026, 12, 8, 23, 59, 59, TimeSpan.FromHours(5.5));
        var earlyInIndia = new DateTimeOffset(2026, 12, 8, 0, 30, 0, TimeSpan.FromHours(5.5));

        Assert.Equal("December 8, 2026", Choose("en").Date(lateInIndia));
        Assert.Equal("December 8, 2026", Choose("en").Date(earlyInIndia));
    }

    [Theory]
    [InlineData("en-US", "USD", "15", "$15.00")]
    [InlineData("en-US", "INR", "1000", "₹1,000.00")]
    [InlineData("en-GB", "GBP", "1234.5", "£1,234.50")]
    [InlineData("en-US", "JPY", "1500", "¥1,500")]
    [InlineData("hi-IN", "INR", "1234567.5", "₹12,34,567.50")]
    [InlineData("hi-IN", "USD", "15", "$15.00")]
    [InlineData("gu-IN", "INR", "999", "₹999.00")]
    [InlineData("bn-BD", "BDT", "1500", "১,৫০০.০০৳")]
    [InlineData("bn-IN", "INR", "1000", "₹১,০০০.০০")]
    [InlineData("fa-IR", "IRR", "5000000", "۵٬۰۰۰٬۰۰۰ ریال")]
    [InlineData("fa-IR", "IRR", "12.5", "۱۲٫۵۰ ریال")]
    [InlineData("fa-IR-u-nu-latn", "IRR", "5000000", "5,000,000 ریال")]
    [InlineData("fa-IR", "USD", "15", "۱۵٫۰۰ $")]
    [InlineData("fa-IR", "EUR", "1234.5", "۱٬۲۳۴٫۵۰ €")]
    public void Money_Culture_WritesAmountAndSymbolAsReadersExpect(string tag, string currency, string amount, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), CurrencyCode.Parse(currency));

        Assert.Equal(expected, Choose(tag).Money(money));
    }

    [Theory]
    [InlineData("en-US", "15", "15%")]
    [InlineData("en-US", "12.5", "12.5%")]
    [InlineData("hi-IN", "15", "15%")]
    [InlineData("gu-IN", "100", "100%")]
    [InlineData("bn-BD", "15", "১৫%")]
    [InlineData("fa-IR", "15", "۱۵٪")]
    [InlineData("fa-IR", "12.5", "۱۲٫۵٪")]
    public void Percent_Culture_WritesThePercentageInItsStyle(string tag, string percent, string expected)
    {
        Assert.Equal(expected, Choose(tag).Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("en-US", 1234567, "1,234,567")]
    [InlineData("hi-IN", 1234567, "12,34,567")]
    [InlineData("bn-BD", 860, "৮৬০")]
    [InlineData("fa-IR", 1250, "۱٬۲۵۰")]
    public void Number_Culture_UsesItsGroupingAndDigits(string tag, long value, string expected)
    {
        Assert.Equal(expected, Choose(tag).Number(value).Text);
    }
}
