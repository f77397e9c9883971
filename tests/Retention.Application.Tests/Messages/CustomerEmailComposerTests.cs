using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Retention.Application.Messages.Templates;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using static Retention.Application.Tests.Messages.TemplateSamples;

namespace Retention.Application.Tests.Messages;

public sealed partial class CustomerEmailComposerTests
{
    [Theory]
    [MemberData(nameof(TypesAndLanguages), MemberType = typeof(TemplateSamples))]
    public void Compose_EveryTypeAndLanguage_RendersCompleteSubjectHtmlAndText(string type, string language)
    {
        var email = Compose(Message(type), language);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\n', email.Subject);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"" + language + "\" dir=\"" + (language == "fa" ? "rtl" : "ltr") + "\">", email.Html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", email.Html, StringComparison.Ordinal);
        Assert.Equal(language, email.Language);
        Assert.Equal(language == "fa", email.RightToLeft);
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            Assert.DoesNotContain('{', part);
            Assert.DoesNotContain('}', part);
        }
        Assert.Contains("<title>" + HtmlShell.Encode(email.Subject) + "</title>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotMatch(HtmlTag(), email.Text);
        Assert.DoesNotContain("&amp;", email.Text, StringComparison.Ordinal);
        Assert.Contains("Asha", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TypesAndLanguages), MemberType = typeof(TemplateSamples))]
    public void Compose_EveryTypeAndLanguage_NamesTheCustomersOwnData(string type, string language)
    {
        var locale = Locale(language);
        var email = Compose(Message(type), language);

        var expected = new List<string> { "Asha" };
        var items = new[] { "Masala chai 250 g", "Ceramic mug", "Tea strainer" };
        switch (type)
        {
            case "thank-you":
                expected.AddRange(items);
                expected.AddRange(["THANKS-7KQ2", locale.Percent(15m), locale.Money(new Money(1000m, CurrencyCode.Parse("INR"))), locale.Date(Coupon().ExpiresAt), locale.Number(860).Text]);
                break;
            case "milestone-reward":
                expected.AddRange(["THANKS-7KQ2", locale.Number(5).Text, locale.Percent(15m)]);
                break;
            case "points-earned":
                expected.AddRange(items);
                expected.AddRange(["A-1001", locale.Number(120).Text, locale.Number(860).Text, "Gold"]);
                break;
            case "tier-upgrade":
                expected.AddRange(["Silver", "Gold", locale.Number(860).Text]);
                break;
            case "win-back":
                expected.AddRange(items);
                expected.AddRange([locale.Date(Full().LastPurchaseAt!.Value), "THANKS-7KQ2"]);
                break;
            case "replenishment":
                expected.AddRange(items);
                expected.AddRange([locale.Date(Full().DueAt!.Value), "THANKS-7KQ2"]);
                break;
            case "coupon-expiring":
                expected.AddRange(["THANKS-7KQ2", locale.Date(Coupon().ExpiresAt), locale.Percent(15m)]);
                break;
            case "feedback-request":
                expected.AddRange(items);
                expected.AddRange(["A-1001", "https://shop.example/reviews/A-1001"]);
                break;
            case "points-expiring":
                expected.AddRange([locale.Number(860).Text, locale.Date(PointsExpireAt), "Gold"]);
                break;
            case "referral-reward":
                expected.AddRange(["THANKS-7KQ2", locale.Percent(15m), locale.Money(new Money(1000m, CurrencyCode.Parse("INR"))), locale.Date(Coupon().ExpiresAt)]);
                break;
            default:
                Assert.Fail("No expectations for " + type);
                break;
        }
        foreach (var value in expected)
        {
            Assert.Contains(HtmlShell.Encode(value), email.Html, StringComparison.Ordinal);
            Assert.Contains(value, email.Text, StringComparison.Ordinal);
        }
        // Up to three items by name, then a count: the fourth and fifth are not named.
        Assert.DoesNotContain("Honey 500 g", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ginger biscuits", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Masala chai 250 g, Ceramic mug, Tea strainer and 2 more")]
    [InlineData("hi", "Masala chai 250 g, Ceramic mug, Tea strainer और 2 अन्य आइटम")]
    [InlineData("fa", "Masala chai 250 g، Ceramic mug، Tea strainer و ۲ کالای دیگر")]
    [InlineData("gu", "Masala chai 250 g, Ceramic mug, Tea strainer અને બીજી 2 વસ્તુઓ")]
    [InlineData("bn", "Masala chai 250 g, Ceramic mug, Tea strainer ও আরও ২টি পণ্য")]
    public void Compose_MoreThanThreeItems_NamesThreeAndCountsTheRest(string language, string expected)
    {
        var email = Compose(Message(MessageType.ThankYou), language);

        Assert.Contains(expected, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Thank you for buying Masala chai 250 g and Ceramic mug from Chai & Co.")]
    [InlineData("hi", "Chai & Co से Masala chai 250 g और Ceramic mug खरीदने के लिए धन्यवाद।")]
    [InlineData("fa", "از اینکه Masala chai 250 g و Ceramic mug را از Chai & Co خریدید، سپاسگزاریم.")]
    public void Compose_TwoItems_JoinsThemWithTheLanguagesAnd(string language, string expected)
    {
        var email = Compose(Message(MessageType.ThankYou, Full(items: FiveItems[..2])), language);

        Assert.Contains(expected, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Persian_IsRightToLeftOnEveryTableWithTheCodeLeftToRight()
    {
        var email = Compose(Message(MessageType.ThankYou), "fa");

        Assert.True(email.RightToLeft);
        Assert.Contains("<body dir=\"rtl\"", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table role=\"presentation\" dir=\"ltr\"", email.Html, StringComparison.Ordinal);
        Assert.Equal(TableCount().Count(email.Html), RtlTableCount().Count(email.Html));
        Assert.Contains("align=\"right\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("text-align:right", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("text-align:left", email.Html, StringComparison.Ordinal);
        Assert.Matches("<div dir=\"ltr\" style=\"[^\"]*monospace[^\"]*\">THANKS-7KQ2</div>", email.Html);
        Assert.Contains("'Noto Sans Arabic'", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("font-family:Vazirmatn,", HtmlShell.Font(Locale("fa")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    [InlineData("gu")]
    [InlineData("bn")]
    public void Compose_LeftToRightLanguage_IsLeftToRightAndLeftAligned(string language)
    {
        var email = Compose(Message(MessageType.ThankYou), language);

        Assert.False(email.RightToLeft);
        Assert.DoesNotContain("dir=\"rtl\"", email.Html, StringComparison.Ordinal);
        Assert.Equal(TableCount().Count(email.Html), LtrTableCount().Count(email.Html));
        Assert.Contains("text-align:left", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hi", "'Noto Sans Devanagari'")]
    [InlineData("gu", "'Noto Sans Gujarati'")]
    [InlineData("bn", "'Noto Sans Bengali'")]
    [InlineData("fa", "Vazirmatn")]
    public void Compose_IndicAndPersian_NameAFontForTheScriptFirst(string language, string font)
    {
        var email = Compose(Message(MessageType.ThankYou), language);

        Assert.Contains("font-family:" + font + ",", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fa-IR", "en", "fa")]
    [InlineData("fa", "en", "fa")]
    [InlineData("hi", "en", "hi")]
    [InlineData("bn-IN", "en", "bn")]
    [InlineData("gu-IN", "hi-IN", "gu")]
    [InlineData("de-DE", "hi-IN", "hi")]
    [InlineData("de-DE", "fa-IR", "fa")]
    [InlineData("de-DE", "fr-FR", "en")]
    [InlineData("en-GB", "fa-IR", "en")]
    public void Compose_Locale_ChoosesCustomerThenStoreThenEnglish(string preferred, string storeDefault, string expected)
    {
        var email = CustomerEmailComposer.Compose(
            Message(MessageType.ThankYou), "Asha", LocaleTag.Parse(preferred), LocaleTag.Parse(storeDefault), Brand(), UnsubscribeUrl);

        Assert.Equal(expected, email.Language);
        Assert.Contains("<html lang=\"" + expected + "\"", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Compose_HostileValues_AreEncodedInHtmlAndKeptInText(string language)
    {
        var data = Full(
            items: [new MessageItem("<script>alert('item')</script>", 1, null)],
            coupon: Coupon("<b>CODE</b>")) with { Tier = "\"><img src=x onerror=alert(1)>", PreviousTier = "Silver" };
        var brand = Brand(logoUrl: "https://cdn.example/logo.png?a=1&b=\"2\"");

        foreach (var type in MessageType.All)
        {
            var email = Compose(Message(type, data), language, firstName: "<script>alert('name')</script>", brand: brand);

            Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", email.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
            Assert.Contains("Chai &amp; Co", email.Html, StringComparison.Ordinal);
            Assert.Contains("src=\"https://cdn.example/logo.png?a=1&amp;b=&quot;2&quot;\"", email.Html, StringComparison.Ordinal);
            Assert.Contains("<script>alert('name')</script>", email.Text, StringComparison.Ordinal);
        }
        var thanks = Compose(Message(MessageType.ThankYou, data), language, brand: brand);
        Assert.Contains("&lt;script&gt;alert(&#x27;item&#x27;)&lt;/script&gt;", thanks.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;CODE&lt;/b&gt;", thanks.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TypesAndLanguages), MemberType = typeof(TemplateSamples))]
    public void Compose_MarketingOrTransactional_UnsubscribeLineOnlyOnMarketing(string type, string language)
    {
        var message = Message(type);
        var strings = Locale(language).Strings;

        var email = Compose(message, language);

        var link = "<a href=\"https://shop.example/api/unsubscribe?token=abc.def\"";
        if (message.Type.IsMarketing)
        {
            Assert.Contains(link, email.Html, StringComparison.Ordinal);
            Assert.Contains(">" + strings.UnsubscribeLink + "</a>", email.Html, StringComparison.Ordinal);
            Assert.Contains(strings.MarketingReason("Chai & Co"), email.Text, StringComparison.Ordinal);
            Assert.Contains(strings.UnsubscribeLink + ": https://shop.example/api/unsubscribe?token=abc.def", email.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("unsubscribe?token", email.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("unsubscribe?token", email.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(strings.UnsubscribeLink, email.Html, StringComparison.Ordinal);
            Assert.Contains(strings.TransactionalReason("Chai & Co"), email.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("thank-you")]
    [InlineData("win-back")]
    [InlineData("feedback-request")]
    [InlineData("referral-reward")]
    public void Compose_MarketingWithoutUnsubscribeLink_Throws(string type)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            CustomerEmailComposer.Compose(Message(type), "Asha", LocaleTag.Parse("en"), English, Brand(), null));

        Assert.Equal("unsubscribeUrl", exception.ParamName);
    }

    [Fact]
    public void Compose_TransactionalWithoutUnsubscribeLink_Renders()
    {
        var email = CustomerEmailComposer.Compose(Message(MessageType.PointsEarned), null, LocaleTag.Parse("en"), English, Brand(), null);

        Assert.Contains("You earned 120 points", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MissingDataTheTypeRequires_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Compose(Message(MessageType.ThankYou, Full() with { Coupon = null }), "en"));

        Assert.Contains("$.data.coupon", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Compose_Brand_ShowsColourLogoButtonAndPostalAddress(string language)
    {
        var withLogo = Compose(Message(MessageType.ThankYou), language, brand: Brand(logoUrl: "https://cdn.example/logo.png"));
        var withoutLogo = Compose(Message(MessageType.PointsEarned), language);

        Assert.Contains("border-top:4px solid #B45309;", withLogo.Html, StringComparison.Ordinal);
        Assert.Contains("bgcolor=\"#B45309\"", withLogo.Html, StringComparison.Ordinal);
        Assert.Contains("border:2px dashed #B45309;", withLogo.Html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://cdn.example/logo.png\" alt=\"Chai &amp; Co\"", withLogo.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/\" target=\"_blank\"", withLogo.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", withoutLogo.Html, StringComparison.Ordinal);
        Assert.Contains(">Chai &amp; Co</div>", withoutLogo.Html, StringComparison.Ordinal);
        foreach (var email in new[] { withLogo, withoutLogo })
        {
            Assert.Contains("Chai &amp; Co, 12 MG Road, Pune 411001, India", email.Html, StringComparison.Ordinal);
            Assert.Contains("Chai & Co, 12 MG Road, Pune 411001, India", email.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Compose_PointsExpiring_ShowsTheBalanceAndTheDateWithNoUnsubscribeLink(string language)
    {
        var locale = Locale(language);
        var balance = locale.Number(860).Text;
        var date = locale.Date(PointsExpireAt);

        var email = CustomerEmailComposer.Compose(
            Message(MessageType.PointsExpiring), "Asha", LocaleTag.Parse(Tags[language]), English, Brand(), unsubscribeUrl: null);
        var withLink = Compose(Message(MessageType.PointsExpiring), language);

        Assert.Contains(balance, email.Subject, StringComparison.Ordinal);
        Assert.Contains(date, email.Subject, StringComparison.Ordinal);
        Assert.Contains(locale.Strings.PointsExpiringBalance("Chai & Co", locale.Number(860), date), email.Text, StringComparison.Ordinal);
        Assert.Contains(HtmlShell.Encode(locale.Strings.PointsExpiringKeep), email.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/\" target=\"_blank\"", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("THANKS-7KQ2", email.Text, StringComparison.Ordinal);
        foreach (var part in new[] { email.Html, email.Text, withLink.Html, withLink.Text })
        {
            Assert.DoesNotContain("unsubscribe", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(locale.Strings.UnsubscribeLink, part, StringComparison.Ordinal);
        }
        Assert.Contains(locale.Strings.TransactionalReason("Chai & Co"), email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(860, "Your 860 points expire on December 31, 2026", "You have 860 points at Chai & Co, and they expire on December 31, 2026.")]
    [InlineData(1, "Your 1 point expires on December 31, 2026", "You have 1 point at Chai & Co, and it expires on December 31, 2026.")]
    public void Compose_PointsExpiringInEnglish_UsesTheRightNumberForm(long balance, string subject, string sentence)
    {
        var email = Compose(Message(MessageType.PointsExpiring, Full() with { PointsBalance = balance }), "en");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(sentence + "\n\nAny purchase before that date keeps your points.\n", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PointsExpiringWithoutTheDate_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Compose(Message(MessageType.PointsExpiring, Full() with { PointsExpireAt = null }), "en"));

        Assert.Contains("$.data.pointsExpireAt", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Compose_ReferralReward_ShowsTheCouponCodeAndTheUnsubscribeLink(string language)
    {
        var strings = Locale(language).Strings;

        var email = Compose(Message(MessageType.ReferralReward, Full(coupon: Coupon("FRIEND-2026-x9"))), language);

        Assert.Matches("<div dir=\"ltr\" style=\"[^\"]*monospace[^\"]*\">FRIEND-2026-x9</div>", email.Html);
        Assert.Contains(strings.CouponLabel + ": FRIEND-2026-x9\n", email.Text, StringComparison.Ordinal);
        Assert.Contains(strings.ReferralFriendBought("Chai & Co"), email.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/api/unsubscribe?token=abc.def\"", email.Html, StringComparison.Ordinal);
        Assert.Contains(">" + strings.UnsubscribeLink + "</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains(strings.UnsubscribeLink + ": https://shop.example/api/unsubscribe?token=abc.def", email.Text, StringComparison.Ordinal);
        Assert.Equal(strings.ReferralSubject(Locale(language).Percent(15m)), email.Subject);
    }

    [Fact]
    public void Compose_ReferralRewardWithoutACoupon_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Compose(Message(MessageType.ReferralReward, Full() with { Coupon = null }), "en"));

        Assert.Contains("$.data.coupon", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FeedbackRequest_ButtonLeadsToTheReviewPageOrTheShop()
    {
        var withReview = Compose(Message(MessageType.FeedbackRequest), "en");
        var withoutReview = Compose(Message(MessageType.FeedbackRequest, Full() with { ReviewUrl = null }), "en");

        Assert.Contains("<a href=\"https://shop.example/reviews/A-1001\" target=\"_blank\"", withReview.Html, StringComparison.Ordinal);
        Assert.Contains("Write a review: https://shop.example/reviews/A-1001", withReview.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/\" target=\"_blank\"", withoutReview.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#B45309", "#ffffff")]
    [InlineData("#0F766E", "#ffffff")]
    [InlineData("#FDE68A", "#1f2933")]
    [InlineData("#FFFFFF", "#1f2933")]
    public void Compose_ButtonText_ContrastsWithTheBrandColour(string colour, string text)
    {
        var brand = Brand();
        brand.Color = colour;

        var email = Compose(Message(MessageType.ThankYou), "en", brand: brand);

        Assert.Contains("color:" + text + ";text-decoration:none", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ColourThatIsNotAColour_Throws()
    {
        var brand = Brand();
        brand.Color = "red;background:url(https://evil.example)";

        Assert.Throws<ArgumentException>(() => Compose(Message(MessageType.ThankYou), "en", brand: brand));
    }

    [Theory]
    [InlineData("en", "Hi Asha,", "Hello,")]
    [InlineData("hi", "नमस्ते Asha,", "नमस्ते,")]
    [InlineData("fa", "سلام Asha عزیز،", "سلام و وقت بخیر،")]
    [InlineData("gu", "નમસ્તે Asha,", "નમસ્તે,")]
    [InlineData("bn", "প্রিয় Asha,", "প্রিয় গ্রাহক,")]
    public void Compose_FirstName_GreetsByNameOrNeutrally(string language, string named, string neutral)
    {
        var withName = Compose(Message(MessageType.WinBack), language, firstName: " Asha ");
        var withoutName = Compose(Message(MessageType.WinBack), language, firstName: null);
        var blank = Compose(Message(MessageType.WinBack), language, firstName: "  ");

        Assert.Contains(named, withName.Text, StringComparison.Ordinal);
        Assert.Contains(neutral, withoutName.Text, StringComparison.Ordinal);
        Assert.Contains(neutral, blank.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Compose_CouponCodeAndIdentifiers_StayExactlyAsIssued(string language)
    {
        var data = Full(coupon: Coupon("SAVE-2026-x9")) with { OrderId = Domain.Orders.OrderId.Parse("A-1001") };

        var email = Compose(Message(MessageType.ThankYou, data), language);
        var points = Compose(Message(MessageType.PointsEarned, data), language);

        Assert.Contains(">SAVE-2026-x9</div>", email.Html, StringComparison.Ordinal);
        Assert.Contains(": SAVE-2026-x9\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Masala chai 250 g", email.Text, StringComparison.Ordinal);
        Assert.Contains("A-1001", points.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongItemName_IsShortenedInTheSubjectOnly()
    {
        var name = "Organic Darjeeling first flush black tea, loose leaf, 500 g tin";
        var email = Compose(Message(MessageType.Replenishment, Full(items: [new MessageItem(name, 1, null)])), "en");

        Assert.Equal("Running low on Organic Darjeeling first flush black…?", email.Subject);
        Assert.Contains(name, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Your first order: here's a reward")]
    [InlineData(5, "5 orders with us: here's a reward")]
    public void Compose_MilestoneSubject_UsesTheRightNumberForm(int orders, string expected)
    {
        var email = Compose(Message(MessageType.MilestoneReward, Full() with { OrderCount = orders }), "en");

        Assert.Equal(expected, email.Subject);
    }

    [Theory]
    [MemberData(nameof(Languages), MemberType = typeof(TemplateSamples))]
    public void Compose_Html_IsEmailClientSafeAndFitsAPhone(string language)
    {
        var email = Compose(Message(MessageType.ThankYou), language);

        Assert.Contains("<meta charset=\"utf-8\">", email.Html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", email.Html, StringComparison.Ordinal);
        Assert.Contains("width:100%;max-width:600px;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("width=\"(6[1-9]\\d|[7-9]\\d\\d)\"", email.Html);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("fa")]
    [InlineData("gu")]
    [InlineData("bn")]
    public void Content_EveryTypeInANonEnglishLanguage_WritesEveryLineInItsScript(string language)
    {
        var locale = Locale(language);
        var script = Script(language);

        foreach (var type in MessageType.All)
        {
            var variants = new[]
            {
                Full(),
                Full(items: FiveItems[..1]) with { OrderCount = 1, OrderId = null, PreviousTier = null, DueAt = null, PointsBalance = null },
                Full() with { Items = [], Coupon = null, Tier = null },
            };
            foreach (var message in variants.Select(data => Message(type, data)).Where(m => MessageRules.Check(m).Count == 0))
            {
                var content = CustomerEmailComposer.Content(message, null, locale, Brand(), UnsubscribeUrl);

                foreach (var sentence in content.Sentences())
                {
                    Assert.True(script.IsMatch(sentence), $"{language} {type.Name}: '{sentence}' has no {language} letters");
                }
            }
        }
    }

    internal static Regex Script(string language) => language switch
    {
        "hi" => Devanagari(),
        "fa" => Arabic(),
        "gu" => Gujarati(),
        "bn" => Bengali(),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    [GeneratedRegex("<[a-z/!][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex("<table ")]
    private static partial Regex TableCount();

    [GeneratedRegex("<table role=\"presentation\" dir=\"rtl\"")]
    private static partial Regex RtlTableCount();

    [GeneratedRegex("<table role=\"presentation\" dir=\"ltr\"")]
    private static partial Regex LtrTableCount();

    [GeneratedRegex("[\u0900-\u097F]")]
    private static partial Regex Devanagari();

    [GeneratedRegex("[\u0600-\u06FF]")]
    private static partial Regex Arabic();

    [GeneratedRegex("[\u0A80-\u0AFF]")]
    private static partial Regex Gujarati();

    [GeneratedRegex("[\u0980-\u09FF]")]
    private static partial Regex Bengali();
}
