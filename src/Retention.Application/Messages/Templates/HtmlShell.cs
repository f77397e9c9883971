using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Retention.Application.Messages.Templates;

/// <summary>
/// The frame customer emails and unsubscribe pages share: what email clients render (tables, inline styles,
/// <c>bgcolor</c>, no CSS files or scripts), full width on a phone and at most <c>maxWidth</c> px elsewhere, the
/// store's accent line and logo (or name), the language's fonts and direction on every table.
/// </summary>
internal static partial class HtmlShell
{
    public const string Ink = "#1f2933";
    public const string Muted = "#52606d";
    public const string Line = "#e1e6eb";
    public const string Page = "#f3f5f7";

    // Escapes markup characters only: letters of every script stay readable in the source (and in diff-able tests).
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => _encoder.Encode(text);

    /// <summary>Checks the accent colour so no setting can inject CSS; options validation reports it at start.</summary>
    public static string Accent(BrandOptions brand) =>
        brand.Color is { } color && Colour().IsMatch(color)
            ? color
            : throw new ArgumentException($"Brand:Color must be a colour such as #0F766E, not '{brand.Color}'.", nameof(brand));

    /// <summary>White or dark text, whichever reads better on <paramref name="background"/> (WCAG relative luminance).</summary>
    public static string TextOn(string background)
    {
        double Channel(int offset)
        {
            var c = int.Parse(background.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
        // Contrast with white (1.05 / (L + 0.05)) beats contrast with the dark ink when L is below about 0.18.
        return luminance < 0.18 ? "#ffffff" : Ink;
    }

    public static string Font(TemplateLocale locale) => "font-family:" + locale.Strings.FontFamily + ";";

    public static void Open(StringBuilder html, TemplateLocale locale, BrandOptions brand, string title, string? preheader, int maxWidth)
    {
        var dir = locale.Direction;
        html.Append("<!DOCTYPE html><html lang=\"").Append(locale.Language).Append("\" dir=\"").Append(dir).Append("\"><head>")
            .Append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"x-apple-disable-message-reformatting\"><meta name=\"color-scheme\" content=\"light\">")
            .Append("<title>").Append(Encode(title)).Append("</title></head>")
            .Append("<body dir=\"").Append(dir).Append("\" style=\"margin:0;padding:0;background-color:").Append(Page).Append(";-webkit-text-size-adjust:100%;\">");
        if (preheader is not null)
        {
            // The line inboxes show next to the subject; hidden in the message itself.
            html.Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:").Append(Page).Append(";\">")
                .Append(Encode(preheader)).Append("</div>");
        }
        html.Append("<table role=\"presentation\" dir=\"").Append(dir).Append("\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"").Append(Page).Append("\">")
            .Append("<tr><td align=\"center\" style=\"padding:16px 8px;\">")
            .Append("<table role=\"presentation\" dir=\"").Append(dir).Append("\" width=\"").Append(maxWidth.ToString(CultureInfo.InvariantCulture))
            .Append("\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\" style=\"width:100%;max-width:").Append(maxWidth.ToString(CultureInfo.InvariantCulture))
            .Append("px;border:1px solid ").Append(Line).Append(";border-top:4px solid ").Append(Accent(brand)).Append(";\">");

        html.Append("<tr><td align=\"").Append(locale.Start).Append("\" style=\"padding:20px 24px 8px;text-align:").Append(locale.Start).Append(";\">");
        var store = Encode(brand.Name);
        if (!string.IsNullOrWhiteSpace(brand.LogoUrl))
        {
            html.Append("<a href=\"").Append(Encode(brand.ShopUrl)).Append("\" style=\"text-decoration:none;\"><img src=\"").Append(Encode(brand.LogoUrl)).Append("\" alt=\"").Append(store)
                .Append("\" style=\"display:inline-block;border:0;max-width:160px;max-height:64px;height:auto;").Append(Font(locale))
                .Append("font-size:20px;font-weight:bold;color:").Append(Ink).Append(";\"></a>");
        }
        else
        {
            html.Append("<div style=\"").Append(Font(locale)).Append("font-size:20px;line-height:1.4;font-weight:bold;color:").Append(Ink).Append(";\">")
                .Append(store).Append("</div>");
        }
        html.Append("</td></tr>");
    }

    public static void Heading(StringBuilder html, TemplateLocale locale, string heading) =>
        html.Append("<h1 style=\"margin:0 0 16px;").Append(Font(locale)).Append("font-size:22px;line-height:1.5;font-weight:bold;color:").Append(Ink).Append(";\">")
            .Append(Encode(heading)).Append("</h1>");

    public static void Paragraph(StringBuilder html, TemplateLocale locale, string text) =>
        html.Append("<p style=\"margin:0 0 14px;").Append(Font(locale)).Append("font-size:16px;line-height:1.7;color:").Append(Ink).Append(";\">")
            .Append(Encode(text)).Append("</p>");

    /// <summary>A button that survives clients without CSS support: a coloured cell holding a padded link.</summary>
    public static void Button(StringBuilder html, TemplateLocale locale, BrandOptions brand, string text, string url)
    {
        var accent = Accent(brand);
        html.Append("<table role=\"presentation\" dir=\"").Append(locale.Direction).Append("\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:0 auto;\"><tr>")
            .Append("<td align=\"center\" bgcolor=\"").Append(accent).Append("\" style=\"border-radius:6px;background-color:").Append(accent).Append(";\">")
            .Append("<a href=\"").Append(Encode(url)).Append("\" target=\"_blank\" style=\"display:inline-block;padding:12px 28px;").Append(Font(locale))
            .Append("font-size:16px;line-height:1.5;font-weight:bold;color:").Append(TextOn(accent)).Append(";text-decoration:none;border-radius:6px;\">")
            .Append(Encode(text)).Append("</a></td></tr></table>");
    }

    public static void Address(StringBuilder html, BrandOptions brand) =>
        html.AppendJoin("<br>", brand.PostalAddress.ReplaceLineEndings("\n").Split('\n').Select(Encode));

    public static void Close(StringBuilder html) => html.Append("</table></td></tr></table></body></html>");

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Colour();
}
