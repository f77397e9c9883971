using System.Text;
using Retention.Domain.Customers;

namespace Retention.Application.Messages.Templates;

/// <summary>
/// The small pages behind an email's unsubscribe link, in the customer's language (chosen as for emails) with the
/// store's branding: a confirmation with a plain form (no JavaScript: the POST is the unsubscribe), the result, and
/// a clear page for a broken or expired link that says nothing technical.
/// </summary>
public static class UnsubscribePages
{
    private const int MaxWidth = 480;

    /// <param name="postUrl">Where the form posts to (the same token), absolute or relative to the page.</param>
    public static string Confirm(LocaleTag preferred, LocaleTag storeDefault, BrandOptions brand, string postUrl)
    {
        var locale = TemplateLocale.Choose(preferred, storeDefault);
        var s = locale.Strings;
        return Page(locale, brand, s.ConfirmHeading(brand.Name), [s.ConfirmBody(brand.Name), s.StillGetOrderMessages], html =>
            html.Append("<form method=\"post\" action=\"").Append(HtmlShell.Encode(postUrl)).Append("\" style=\"margin:0;text-align:center;\">")
                .Append("<button type=\"submit\" style=\"display:inline-block;padding:12px 28px;border:0;border-radius:6px;cursor:pointer;")
                .Append(HtmlShell.Font(locale)).Append("font-size:16px;line-height:1.5;font-weight:bold;background-color:").Append(HtmlShell.Accent(brand))
                .Append(";color:").Append(HtmlShell.TextOn(HtmlShell.Accent(brand))).Append(";\">").Append(HtmlShell.Encode(s.UnsubscribeButton)).Append("</button></form>"));
    }

    public static string Done(LocaleTag preferred, LocaleTag storeDefault, BrandOptions brand)
    {
        var locale = TemplateLocale.Choose(preferred, storeDefault);
        return Page(locale, brand, locale.Strings.DoneHeading, [locale.Strings.StillGetOrderMessages], ShopLink(locale, brand));
    }

    public static string AlreadyDone(LocaleTag preferred, LocaleTag storeDefault, BrandOptions brand)
    {
        var locale = TemplateLocale.Choose(preferred, storeDefault);
        var s = locale.Strings;
        return Page(locale, brand, s.AlreadyDoneHeading, [s.AlreadyDoneBody(brand.Name), s.StillGetOrderMessages], ShopLink(locale, brand));
    }

    /// <param name="expired">True for a genuine link that is too old; false for one that is broken or was tampered with.</param>
    public static string Invalid(LocaleTag preferred, LocaleTag storeDefault, BrandOptions brand, bool expired)
    {
        var locale = TemplateLocale.Choose(preferred, storeDefault);
        var s = locale.Strings;
        return expired
            ? Page(locale, brand, s.ExpiredLinkHeading, [s.ExpiredLinkBody], ShopLink(locale, brand))
            : Page(locale, brand, s.InvalidLinkHeading, [s.InvalidLinkBody(brand.Name)], ShopLink(locale, brand));
    }

    private static Action<StringBuilder> ShopLink(TemplateLocale locale, BrandOptions brand) =>
        html => HtmlShell.Button(html, locale, brand, locale.Strings.VisitShopButton, brand.ShopUrl);

    private static string Page(TemplateLocale locale, BrandOptions brand, string heading, IReadOnlyList<string> paragraphs, Action<StringBuilder> action)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var html = new StringBuilder(4_000);
        HtmlShell.Open(html, locale, brand, heading + " · " + brand.Name, null, MaxWidth);
        html.Append("<tr><td align=\"").Append(locale.Start).Append("\" style=\"padding:8px 24px 4px;text-align:").Append(locale.Start).Append(";\">");
        HtmlShell.Heading(html, locale, heading);
        foreach (var paragraph in paragraphs)
        {
            HtmlShell.Paragraph(html, locale, paragraph);
        }
        html.Append("</td></tr><tr><td align=\"center\" style=\"padding:8px 24px 24px;\">");
        action(html);
        html.Append("</td></tr><tr><td align=\"").Append(locale.Start).Append("\" style=\"padding:14px 24px 18px;border-top:1px solid ").Append(HtmlShell.Line).Append(';')
            .Append(HtmlShell.Font(locale)).Append("font-size:12px;line-height:1.7;color:").Append(HtmlShell.Muted).Append(";text-align:").Append(locale.Start).Append(";\">");
        HtmlShell.Address(html, brand);
        html.Append("</td></tr>");
        HtmlShell.Close(html);
        return html.ToString();
    }
}
