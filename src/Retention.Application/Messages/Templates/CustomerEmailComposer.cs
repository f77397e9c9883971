using System.Globalization;
using System.Text;
using Retention.Application.Messages.Templates.Strings;
using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Application.Messages.Templates;

/// <summary>
/// Writes the email for one <see cref="RetentionMessage"/>: subject, HTML and plain text in English, Hindi, Persian
/// (right to left), Gujarati or Bengali, personalised with the customer's first name, the items, points, tier and
/// coupon in the message, and branded from <see cref="BrandOptions"/>. The wording lives in <c>Strings/*.cs</c>, one
/// file per language; how the language is chosen is in <see cref="TemplateLocale"/>.
/// </summary>
public static class CustomerEmailComposer
{
    private const int MaxWidth = 600;
    private const int ShownItems = 3;
    private const int SubjectItemLength = 40;

    /// <param name="firstName">The customer's first name, or null for a greeting without it.</param>
    /// <param name="unsubscribeUrl">The one-click link; required for marketing types, ignored for transactional ones.</param>
    /// <exception cref="ArgumentException">The message lacks data its type needs, or a marketing message has no unsubscribe link.</exception>
    public static ComposedEmail Compose(
        RetentionMessage message, string? firstName, LocaleTag preferredLocale, LocaleTag storeDefaultLocale, BrandOptions brand, Uri? unsubscribeUrl)
    {
        var locale = TemplateLocale.Choose(preferredLocale, storeDefaultLocale);
        var content = Content(message, firstName, locale, brand, unsubscribeUrl);
        return new ComposedEmail(content.Subject, Html(content, locale, brand), Text(content, locale, brand), locale.Language, locale.RightToLeft);
    }

    internal static EmailContent Content(RetentionMessage message, string? firstName, TemplateLocale locale, BrandOptions brand, Uri? unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(brand);
        var errors = MessageRules.Check(message);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"A {message.Type.Name} message cannot be rendered: {string.Join("; ", errors.Select(e => $"{e.Key} {e.Value.Reason}"))}.", nameof(message));
        }
        if (message.Type.IsMarketing && unsubscribeUrl is null)
        {
            throw new ArgumentException($"A {message.Type.Name} message is marketing and needs an unsubscribe link.", nameof(unsubscribeUrl));
        }

        var writer = new Writer(message.Data, locale, brand, string.IsNullOrWhiteSpace(firstName) ? null : firstName.Trim());
        var type = message.Type;
        var body =
            type == MessageType.ThankYou ? writer.ThankYou()
            : type == MessageType.MilestoneReward ? writer.MilestoneReward()
            : type == MessageType.PointsEarned ? writer.PointsEarned()
            : type == MessageType.TierUpgrade ? writer.TierUpgrade()
            : type == MessageType.WinBack ? writer.WinBack()
            : type == MessageType.Replenishment ? writer.Replenishment()
            : type == MessageType.CouponExpiring ? writer.CouponExpiring()
            : type == MessageType.FeedbackRequest ? writer.FeedbackRequest()
            : type == MessageType.PointsExpiring ? writer.PointsExpiring()
            : type == MessageType.ReferralReward ? writer.ReferralReward()
            : throw new ArgumentException($"No template for message type '{type.Name}'.", nameof(message));

        var s = locale.Strings;
        return new EmailContent(
            body.Subject, body.Heading, s.Greeting(writer.FirstName), body.Paragraphs, body.Coupon, body.ButtonText, body.ButtonUrl ?? brand.ShopUrl,
            type.IsMarketing ? s.MarketingReason(brand.Name) : s.TransactionalReason(brand.Name),
            type.IsMarketing ? unsubscribeUrl : null);
    }

    private static string Html(EmailContent content, TemplateLocale locale, BrandOptions brand)
    {
        var html = new StringBuilder(8_000);
        HtmlShell.Open(html, locale, brand, content.Subject, content.Paragraphs.Count > 0 ? content.Paragraphs[0] : null, MaxWidth);

        html.Append("<tr><td align=\"").Append(locale.Start).Append("\" style=\"padding:8px 24px 2px;text-align:").Append(locale.Start).Append(";\">");
        HtmlShell.Heading(html, locale, content.Heading);
        HtmlShell.Paragraph(html, locale, content.Greeting);
        foreach (var paragraph in content.Paragraphs)
        {
            HtmlShell.Paragraph(html, locale, paragraph);
        }
        html.Append("</td></tr>");

        if (content.Coupon is { } coupon)
        {
            Coupon(html, locale, brand, coupon);
        }

        html.Append("<tr><td align=\"center\" style=\"padding:12px 24px 28px;\">");
        HtmlShell.Button(html, locale, brand, content.ButtonText, content.ButtonUrl);
        html.Append("</td></tr>");

        html.Append("<tr><td align=\"").Append(locale.Start).Append("\" style=\"padding:16px 24px 20px;border-top:1px solid ").Append(HtmlShell.Line).Append(';')
            .Append(HtmlShell.Font(locale)).Append("font-size:12px;line-height:1.7;color:").Append(HtmlShell.Muted).Append(";text-align:").Append(locale.Start).Append(";\">")
            .Append("<p style=\"margin:0 0 6px;\">").Append(HtmlShell.Encode(content.FooterReason));
        if (content.Unsubscribe is { } unsubscribe)
        {
            html.Append(' ').Append("<a href=\"").Append(HtmlShell.Encode(unsubscribe.AbsoluteUri)).Append("\" style=\"color:").Append(HtmlShell.Muted)
                .Append(";text-decoration:underline;white-space:nowrap;\">").Append(HtmlShell.Encode(locale.Strings.UnsubscribeLink)).Append("</a>");
        }
        html.Append("</p><p style=\"margin:0;\">");
        HtmlShell.Address(html, brand);
        html.Append("</p></td></tr>");

        HtmlShell.Close(html);
        return html.ToString();
    }

    private static void Coupon(StringBuilder html, TemplateLocale locale, BrandOptions brand, CouponBox coupon)
    {
        html.Append("<tr><td style=\"padding:4px 24px 8px;\">")
            .Append("<table role=\"presentation\" dir=\"").Append(locale.Direction).Append("\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#f8fafc\" style=\"border:2px dashed ")
            .Append(HtmlShell.Accent(brand)).Append(";border-radius:8px;\"><tr><td align=\"center\" style=\"padding:16px 12px;text-align:center;").Append(HtmlShell.Font(locale)).Append("\">")
            .Append("<div style=\"font-size:14px;line-height:1.6;color:").Append(HtmlShell.Muted).Append(";\">").Append(HtmlShell.Encode(coupon.Label)).Append("</div>")
            // Left to right and in a monospace face even inside right-to-left text, so the code reads and copies exactly as issued.
            .Append("<div dir=\"ltr\" style=\"margin:6px 0;font-family:Consolas,Menlo,'DejaVu Sans Mono','Liberation Mono','Courier New',monospace;font-size:24px;line-height:1.4;")
            .Append("font-weight:bold;letter-spacing:2px;color:").Append(HtmlShell.Ink).Append(";word-break:break-all;-webkit-user-select:all;user-select:all;\">")
            .Append(HtmlShell.Encode(coupon.Code)).Append("</div>");
        foreach (var detail in coupon.Details)
        {
            html.Append("<div style=\"font-size:15px;line-height:1.7;color:").Append(HtmlShell.Ink).Append(";\">").Append(HtmlShell.Encode(detail)).Append("</div>");
        }
        html.Append("<div style=\"padding-top:4px;font-size:13px;line-height:1.7;color:").Append(HtmlShell.Muted).Append(";\">").Append(HtmlShell.Encode(coupon.Hint)).Append("</div>")
            .Append("</td></tr></table></td></tr>");
    }

    private static string Text(EmailContent content, TemplateLocale locale, BrandOptions brand)
    {
        var text = new StringBuilder(2_000);
        text.Append(content.Heading).Append("\n\n").Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (content.Coupon is { } coupon)
        {
            text.Append(coupon.Label).Append(": ").Append(coupon.Code).Append('\n');
            foreach (var detail in coupon.Details)
            {
                text.Append(detail).Append('\n');
            }
            text.Append(coupon.Hint).Append("\n\n");
        }
        text.Append(content.ButtonText).Append(": ").Append(content.ButtonUrl).Append("\n\n-- \n")
            .Append(content.FooterReason).Append('\n');
        if (content.Unsubscribe is { } unsubscribe)
        {
            text.Append(locale.Strings.UnsubscribeLink).Append(": ").Append(unsubscribe.AbsoluteUri).Append('\n');
        }
        text.Append(brand.PostalAddress.ReplaceLineEndings("\n")).Append('\n');
        return text.ToString();
    }

    /// <summary>The sentences of one message type, before the shared greeting and footer.</summary>
    private sealed record Body(string Subject, string Heading, IReadOnlyList<string> Paragraphs, CouponBox? Coupon, string ButtonText, string? ButtonUrl = null);

    private sealed class Writer(MessageData data, TemplateLocale locale, BrandOptions brand, string? firstName)
    {
        private readonly IMessageStrings _s = locale.Strings;

        public string? FirstName => firstName;

        private string Store => brand.Name;

        public Body ThankYou()
        {
            var coupon = data.Coupon!;
            var discount = Discount(coupon);
            var paragraphs = new List<string>
            {
                data.Items.IsEmpty ? _s.ThankYouForShopping(Store) : _s.ThankYouForItems(Store, Items()),
                _s.ThankYouCoupon(discount),
            };
            AddBalance(paragraphs);
            return new Body(_s.ThankYouSubject(discount), _s.ThankYouHeading, paragraphs, Box(coupon), _s.ShopButton);
        }

        public Body MilestoneReward()
        {
            var coupon = data.Coupon!;
            var orders = locale.Number(data.OrderCount!.Value);
            var paragraphs = new List<string> { _s.MilestoneOrders(Store, orders), _s.MilestoneCoupon(Discount(coupon)) };
            AddBalance(paragraphs);
            return new Body(_s.MilestoneSubject(orders), _s.MilestoneHeading, paragraphs, Box(coupon), _s.ShopButton);
        }

        public Body PointsEarned()
        {
            var points = locale.Number(data.Points!.Value);
            var paragraphs = new List<string>
            {
                data.OrderId is { } order ? _s.PointsEarnedForOrder(order.Value, points) : _s.PointsEarnedForLatestOrder(points),
            };
            if (!data.Items.IsEmpty)
            {
                paragraphs.Add(_s.OrderItems(Items()));
            }
            AddBalance(paragraphs);
            if (data.Tier is { } tier)
            {
                paragraphs.Add(_s.CurrentTier(tier));
            }
            return new Body(_s.PointsEarnedSubject(points), _s.PointsEarnedHeading, paragraphs, null, _s.VisitShopButton);
        }

        public Body TierUpgrade()
        {
            var tier = data.Tier!;
            var paragraphs = new List<string>
            {
                data.PreviousTier is { } previous ? _s.TierUpgradeFromTo(previous, tier) : _s.TierUpgradeNow(tier),
            };
            AddBalance(paragraphs);
            paragraphs.Add(_s.TierUpgradeThanks);
            return new Body(_s.TierUpgradeSubject(tier), _s.TierUpgradeHeading, paragraphs, null, _s.VisitShopButton);
        }

        public Body WinBack()
        {
            var paragraphs = new List<string> { _s.WinBackLastOrder(Store, locale.Date(data.LastPurchaseAt!.Value)) };
            if (!data.Items.IsEmpty)
            {
                paragraphs.Add(_s.WinBackLastItems(Items()));
            }
            paragraphs.Add(_s.WinBackWhatsNew);
            if (data.Coupon is not { } coupon)
            {
                return new Body(_s.WinBackSubject, _s.WinBackHeading, paragraphs, null, _s.ShopButton);
            }
            var discount = Discount(coupon);
            paragraphs.Add(_s.WinBackCoupon(discount));
            return new Body(_s.WinBackSubjectWithCoupon(discount), _s.WinBackHeading, paragraphs, Box(coupon), _s.ShopButton);
        }

        public Body Replenishment()
        {
            var items = Items();
            var paragraphs = new List<string>
            {
                data.DueAt is { } due ? _s.ReplenishmentDue(items, locale.Date(due)) : _s.ReplenishmentSoon(items),
                _s.ReplenishmentReorder,
            };
            CouponBox? box = null;
            if (data.Coupon is { } coupon)
            {
                paragraphs.Add(_s.ReplenishmentCoupon(Discount(coupon)));
                box = Box(coupon);
            }
            return new Body(_s.ReplenishmentSubject(Shorten(data.Items[0].Name)), _s.ReplenishmentHeading, paragraphs, box, _s.OrderAgainButton);
        }

        public Body CouponExpiring()
        {
            var coupon = data.Coupon!;
            var discount = Discount(coupon);
            var expires = locale.Date(coupon.ExpiresAt);
            var paragraphs = new List<string> { _s.CouponExpiringStillValid(Store, discount), _s.CouponExpiringUseBy(expires) };
            return new Body(_s.CouponExpiringSubject(discount, expires), _s.CouponExpiringHeading, paragraphs, Box(coupon), _s.ShopButton);
        }

        public Body FeedbackRequest()
        {
            var paragraphs = new List<string> { _s.FeedbackHope(data.OrderId!.Value.Value) };
            if (!data.Items.IsEmpty)
            {
                paragraphs.Add(_s.OrderItems(Items()));
            }
            paragraphs.Add(_s.FeedbackAsk);
            return new Body(_s.FeedbackSubject(Store), _s.FeedbackHeading, paragraphs, null, _s.ReviewButton, data.ReviewUrl?.AbsoluteUri);
        }

        public Body PointsExpiring()
        {
            var points = locale.Number(data.PointsBalance!.Value);
            var expires = locale.Date(data.PointsExpireAt!.Value);
            var paragraphs = new List<string> { _s.PointsExpiringBalance(Store, points, expires), _s.PointsExpiringKeep };
            if (data.Tier is { } tier)
            {
                paragraphs.Add(_s.CurrentTier(tier));
            }
            return new Body(_s.PointsExpiringSubject(points, expires), _s.PointsExpiringHeading, paragraphs, null, _s.VisitShopButton);
        }

        // The friend stays unnamed: the message carries nothing about them, and the wording says only "a friend".
        public Body ReferralReward()
        {
            var coupon = data.Coupon!;
            var discount = Discount(coupon);
            var paragraphs = new List<string> { _s.ReferralFriendBought(Store), _s.ReferralCoupon(discount) };
            return new Body(_s.ReferralSubject(discount), _s.ReferralHeading, paragraphs, Box(coupon), _s.ShopButton);
        }

        private void AddBalance(List<string> paragraphs)
        {
            if (data.PointsBalance is { } balance)
            {
                paragraphs.Add(_s.PointsBalance(locale.Number(balance)));
            }
        }

        private string Items()
        {
            var names = data.Items.Take(ShownItems).Select(i => i.Name).ToList();
            return _s.ItemList(names, locale.Number(Math.Max(0, data.Items.Length - ShownItems)));
        }

        private string Discount(CouponOffer coupon) =>
            coupon.PercentOff is { } percent ? locale.Percent(percent) : locale.Money(coupon.AmountOff!.Value);

        private CouponBox Box(CouponOffer coupon)
        {
            var details = new List<string> { _s.CouponDiscount(Discount(coupon)) };
            if (coupon.MinimumSpend is { Amount: > 0 } minimum)
            {
                details.Add(_s.CouponMinimumSpend(locale.Money(minimum)));
            }
            details.Add(_s.CouponValidUntil(locale.Date(coupon.ExpiresAt)));
            return new CouponBox(_s.CouponLabel, coupon.Code, details, _s.CouponHint);
        }

        // Item names can be 200 characters; a subject line shows about 40. Cut between graphemes, never inside a conjunct.
        private static string Shorten(string name)
        {
            var info = new StringInfo(name);
            if (info.LengthInTextElements <= SubjectItemLength)
            {
                return name;
            }
            var cut = info.SubstringByTextElements(0, SubjectItemLength - 1);
            var space = cut.LastIndexOf(' ');
            return (space > cut.Length / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', '-', '،') + "…";
        }
    }
}
