using Retention.Domain.Customers;

namespace Retention.Domain.Tests.Customers;

public sealed class LocaleTagTests
{
    private const string NotATag = "must be a BCP 47 language tag such as en, en-GB or pt-BR";

    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("ZH-HANT-TW", "zh-Hant-TW")]
    [InlineData("sr-latn", "sr-Latn")]
    [InlineData("es-419", "es-419")]
    [InlineData("ast", "ast")]
    [InlineData("zh-YUE-hk", "zh-yue-HK")]
    [InlineData("de-de-1996", "de-DE-1996")]
    [InlineData("sl-ROZAJ", "sl-rozaj")]
    [InlineData("en-us-u-CA-Gregory", "en-US-u-ca-gregory")]
    [InlineData("de-CH-X-Phonebk", "de-CH-x-phonebk")]
    [InlineData("en-x-AB", "en-x-ab")]
    public void TryParse_WellFormedTag_NormalisesCase(string value, string expected)
    {
        var ok = LocaleTag.TryParse(value, out var locale, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal(expected, locale.Value);
        Assert.Equal(expected, locale.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("en-")]
    [InlineData("-en")]
    [InlineData("en--GB")]
    [InlineData("en GB")]
    [InlineData("en.GB")]
    [InlineData(" en")]
    [InlineData("en ")]
    [InlineData("en\n")]
    [InlineData("toolonglanguage")]
    [InlineData("123")]
    [InlineData("en-a")]
    [InlineData("en-GB-")]
    [InlineData("en-Latn-Latn")]
    [InlineData("français")]
    public void TryParse_MalformedTag_FailsWithReason(string? value)
    {
        var ok = LocaleTag.TryParse(value, out var locale, out var error);

        Assert.False(ok);
        Assert.Equal(default, locale);
        Assert.Equal(NotATag, error?.Reason);
    }

    [Theory]
    [InlineData("en_GB", "must be a BCP 47 language tag with hyphens, such as en-GB")]
    [InlineData("zh_Hant_TW", "must be a BCP 47 language tag with hyphens, such as zh-Hant-TW")]
    [InlineData("pt_br", "must be a BCP 47 language tag with hyphens, such as pt-br")]
    public void TryParse_Underscore_SuggestsTheHyphenatedTag(string value, string reason)
    {
        var ok = LocaleTag.TryParse(value, out _, out var error);

        Assert.False(ok);
        Assert.Equal(reason, error?.Reason);
    }

    [Fact]
    public void TryParse_64Characters_Accepted()
    {
        var value = "en" + string.Concat(Enumerable.Repeat("-abcdefgh", 6)) + "-abcdefg";

        var ok = LocaleTag.TryParse(value, out var locale, out _);

        Assert.Equal(64, value.Length);
        Assert.True(ok);
        Assert.Equal(value, locale.Value);
    }

    [Fact]
    public void TryParse_65Characters_Rejected()
    {
        var value = "en" + string.Concat(Enumerable.Repeat("-abcdefgh", 7));

        var ok = LocaleTag.TryParse(value, out _, out var error);

        Assert.Equal(65, value.Length);
        Assert.False(ok);
        Assert.Equal(NotATag, error?.Reason);
    }

    [Fact]
    public void Parse_DifferentCase_GivesEqualTags()
    {
        Assert.Equal(LocaleTag.Parse("en-GB"), LocaleTag.Parse("EN-gb"));
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatException()
    {
        var ex = Assert.Throws<FormatException>(() => LocaleTag.Parse("en_GB"));

        Assert.Equal("Locale must be a BCP 47 language tag with hyphens, such as en-GB.", ex.Message);
    }
}
