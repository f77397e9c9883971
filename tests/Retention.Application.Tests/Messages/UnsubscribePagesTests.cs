using Retention.Application.Messages.Templates;
using Retention.Domain.Customers;
using static Retention.Application.Tests.Messages.TemplateSamples;

namespace Retention.Application.Tests.Messages;

public sealed class UnsubscribePagesTests
{
    private static LocaleTag Tag(string language) => LocaleTag.Parse(Tags[language]);

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Confirm_EveryLanguage_PostsAPlainFormInTheCustomersLanguage(string language)
    {
        var strings = Locale(language).Strings;

        var html = UnsubscribePages.Confirm(Tag(language), English, Brand(), "unsubscribe?token=a+b&c=\"d\"");

        Assert.StartsWith("<!DOCTYPE html><html lang=\"" + language + "\" dir=\"" + (language == "fa" ? "rtl" : "ltr") + "\">", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"unsubscribe?token=a&#x2B;b&amp;c=&quot;d&quot;\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\"", html, StringComparison.Ordinal);
        Assert.Contains(">" + strings.UnsubscribeButton + "</button>", html, StringComparison.Ordinal);
        Assert.Contains(HtmlShell.Encode(strings.ConfirmBody("Chai & Co")), html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("max-width:480px", html, StringComparison.Ordinal);
        Assert.Contains("#B45309", html, StringComparison.Ordinal);
        Assert.Contains("Chai &amp; Co, 12 MG Road, Pune 411001, India", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Confirm_English_SaysWhatStopsAndWhatDoesNot()
    {
        var html = UnsubscribePages.Confirm(Tag("en"), English, Brand(), "unsubscribe?token=t");

        Assert.Contains("Unsubscribe from Chai &amp; Co emails?", html, StringComparison.Ordinal);
        Assert.Contains("You will no longer get offers and reminders from Chai &amp; Co.", html, StringComparison.Ordinal);
        Assert.Contains("You will still get messages about your orders and points.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void DoneAndAlreadyDone_EveryLanguage_ConfirmAndKeepOrderMessages(string language)
    {
        var strings = Locale(language).Strings;

        var done = UnsubscribePages.Done(Tag(language), English, Brand());
        var already = UnsubscribePages.AlreadyDone(Tag(language), English, Brand());

        Assert.Contains(">" + strings.DoneHeading + "</h1>", done, StringComparison.Ordinal);
        Assert.Contains(">" + strings.AlreadyDoneHeading + "</h1>", already, StringComparison.Ordinal);
        Assert.Contains(strings.StillGetOrderMessages, done, StringComparison.Ordinal);
        Assert.Contains(strings.StillGetOrderMessages, already, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", done, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/\"", done, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Invalid_ExpiredOrTampered_SaysWhichWithoutTechnicalDetail(string language)
    {
        var strings = Locale(language).Strings;

        var expired = UnsubscribePages.Invalid(Tag(language), English, Brand(), expired: true);
        var tampered = UnsubscribePages.Invalid(Tag(language), English, Brand(), expired: false);

        Assert.Contains(">" + strings.ExpiredLinkHeading + "</h1>", expired, StringComparison.Ordinal);
        Assert.Contains(strings.ExpiredLinkBody, expired, StringComparison.Ordinal);
        Assert.Contains(">" + strings.InvalidLinkHeading + "</h1>", tampered, StringComparison.Ordinal);
        Assert.NotEqual(strings.ExpiredLinkHeading, strings.InvalidLinkHeading);
        foreach (var page in new[] { expired, tampered })
        {
            Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
            Assert.DoesNotContain("token", page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Invalid_EnglishExpired_TellsWhatToDo()
    {
        var html = UnsubscribePages.Invalid(Tag("en"), English, Brand(), expired: true);

        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.Contains("Use the link in a newer email, or contact the store.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE", "fa-IR", "fa", "rtl")]
    [InlineData("bn-IN", "en", "bn", "ltr")]
    [InlineData("de-DE", "fr-FR", "en", "ltr")]
    public void Pages_Locale_ChosenLikeEmails(string preferred, string storeDefault, string language, string dir)
    {
        var html = UnsubscribePages.Done(LocaleTag.Parse(preferred), LocaleTag.Parse(storeDefault), Brand());

        Assert.StartsWith($"<!DOCTYPE html><html lang=\"{language}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
    }
}
