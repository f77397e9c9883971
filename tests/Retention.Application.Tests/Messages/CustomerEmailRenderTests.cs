using System.Collections.Immutable;
using System.Text;
using Retention.Application.Messages;
using Retention.Application.Messages.Templates;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Application.Tests.Messages;

/// <summary>
/// The sample emails of the visual check (<c>docs/img/render-customer-emails.sh</c>): a thank-you with items, points and
/// a coupon in each language, as a real store in that market would send it, and the unsubscribe page. Always composed and checked; written to
/// the folder in <c>RENDER_EMAILS_TO</c> only when that is set.
/// </summary>
public sealed class CustomerEmailRenderTests
{
    private static readonly Uri Unsubscribe = new("https://shop.example/api/unsubscribe?token=sample");

    // A small logo as a data URI, so the English sample shows the logo path without a network.
    private const string Logo =
        "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxNjAiIGhlaWdodD0iNDAiPjxyZWN0IHdpZHRoPSI0MCIgaGVpZ2h0PSI0MCIgcng9IjgiIGZpbGw9IiNCNDUzMDkiLz48dGV4dCB4PSI1MCIgeT0iMjciIGZvbnQtZmFtaWx5PSJEZWphVnUgU2FucyxBcmlhbCIgZm9udC1zaXplPSIxNyIgZm9udC13ZWlnaHQ9ImJvbGQiIGZpbGw9IiMxZjI5MzMiPkNoYWkgJmFtcDsgQ288L3RleHQ+PC9zdmc+";

    private sealed record Sample(string Language, string Tag, string FirstName, string Currency, decimal MinimumSpend, string[] Items, string? LogoUrl = null);

    private static readonly Sample[] Samples =
    [
        new("en", "en-US", "Asha", "USD", 40m, ["Masala chai 250 g", "Ceramic mug", "Tea strainer", "Honey 500 g"], Logo),
        new("hi", "hi-IN", "आशा", "INR", 999m, ["मसाला चाय 250 ग्राम", "सिरेमिक मग", "चाय छन्नी", "शहद 500 ग्राम"]),
        new("fa", "fa-IR", "سارا", "IRR", 5_000_000m, ["چای ماسالا ۲۵۰ گرمی", "ماگ سرامیکی", "صافی چای", "عسل ۵۰۰ گرمی"]),
        new("gu", "gu-IN", "હેતલ", "INR", 999m, ["મસાલા ચા 250 ગ્રામ", "સિરામિક મગ", "ચાની ગળણી", "મધ 500 ગ્રામ"]),
        new("bn", "bn-BD", "তানিয়া", "BDT", 1_500m, ["মসলা চা ২৫০ গ্রাম", "সিরামিক মগ", "চা ছাঁকনি", "মধু ৫০০ গ্রাম"]),
    ];

    [Fact]
    [Trait("Category", "Render")]
    public void Render_SampleThankYouInEveryLanguage_WritesHtmlWhenAsked()
    {
        var folder = Environment.GetEnvironmentVariable("RENDER_EMAILS_TO");

        foreach (var sample in Samples)
        {
            var email = Compose(sample);

            Assert.Equal(sample.Language, email.Language);
            Assert.Contains(">THANKS-7KQ2</div>", email.Html, StringComparison.Ordinal);
            Assert.Contains(HtmlShell.Encode(sample.Items[0]), email.Html, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, $"email-{sample.Language}.html"), email.Html, new UTF8Encoding(false));
                File.WriteAllText(Path.Combine(folder, $"email-{sample.Language}.txt"), email.Subject + "\n\n" + email.Text, new UTF8Encoding(false));
                File.WriteAllText(Path.Combine(folder, $"unsubscribe-{sample.Language}.html"),
                    UnsubscribePages.Confirm(LocaleTag.Parse(sample.Tag), LocaleTag.Parse("en"), Brand(sample), "unsubscribe?token=sample"), new UTF8Encoding(false));
            }
        }
    }

    private static ComposedEmail Compose(Sample sample)
    {
        var currency = CurrencyCode.Parse(sample.Currency);
        var expires = new DateTimeOffset(2026, 12, 8, 23, 59, 59, TimeSpan.FromHours(sample.Language == "fa" ? 3.5 : sample.Language == "bn" ? 6 : 5.5));
        var data = new MessageData
        {
            OrderId = OrderId.Parse("A-1001"),
            Items = [.. sample.Items.Select((name, i) => new MessageItem(name, i == 0 ? 2 : 1, null))],
            Coupon = new CouponOffer("THANKS-7KQ2", 15m, null, new Money(sample.MinimumSpend, currency), expires),
            PointsBalance = 860,
        };
        var message = new RetentionMessage("thank-you:C-42:A-1001", MessageType.ThankYou, CustomerId.Parse("C-42"), LocaleTag.Parse(sample.Tag), expires.AddDays(-14), data);
        return CustomerEmailComposer.Compose(message, sample.FirstName, LocaleTag.Parse(sample.Tag), LocaleTag.Parse("en"), Brand(sample), Unsubscribe);
    }

    private static BrandOptions Brand(Sample sample) => new()
    {
        Name = "Chai & Co",
        Color = "#B45309",
        LogoUrl = sample.LogoUrl,
        ShopUrl = "https://chai.example/",
        PostalAddress = "Chai & Co, 12 MG Road, Pune 411001, India",
    };
}
