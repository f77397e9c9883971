using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Retention.Application.Email;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into MIME:
/// <code>
/// multipart/mixed                       (only with regular attachments)
/// ├─ multipart/alternative
/// │  ├─ text/plain
/// │  └─ multipart/related               (only with inline attachments)
/// │     ├─ text/html
/// │     └─ image/png  Content-ID: &lt;ContentId&gt;, so that cid:ContentId in the HTML resolves
/// └─ text/csv  Content-Disposition: attachment
/// </code>
/// </summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = MessageIdFor(message),
            Body = Body(message),
        };
        mime.From.Add(new MailboxAddress("", message.From.Value));
        mime.To.AddRange(message.To.Select(to => new MailboxAddress("", to.Value)));
        foreach (var (name, value) in message.Headers)
        {
            mime.Headers.Add(name, value);
        }
        return mime;
    }

    /// <summary>
    /// <c>{32 hex digits of SHA-256(IdempotencyKey)}@{domain of From}</c> (without angle brackets; MimeKit adds them).
    /// Stable, so a resend after an unclear failure carries the same Message-Id and receivers can spot the duplicate;
    /// hashed, so the key (which may contain a customer id) does not travel in the header.
    /// </summary>
    public static string MessageIdFor(EmailMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey));
        var from = message.From.Value;
        var domain = from[(from.LastIndexOf('@') + 1)..];
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{domain}";
    }

    private static MimeEntity Body(EmailMessage message)
    {
        var text = new TextPart(MimeKit.Text.TextFormat.Plain);
        text.SetText(Encoding.UTF8, message.Text);
        var html = new TextPart(MimeKit.Text.TextFormat.Html);
        html.SetText(Encoding.UTF8, message.Html);

        MimeEntity htmlWithImages = html;
        var inline = message.Attachments.Where(a => a.IsInline).ToList();
        if (inline.Count > 0)
        {
            // Setting Root adds the part as the first one (and the start parameter); adding it as well would list it twice.
            var related = new MultipartRelated { Root = html };
            foreach (var attachment in inline)
            {
                related.Add(Part(attachment, ContentDisposition.Inline));
            }
            htmlWithImages = related;
        }
        var alternative = new MultipartAlternative { text, htmlWithImages };

        var downloads = message.Attachments.Where(a => !a.IsInline).ToList();
        if (downloads.Count == 0)
        {
            return alternative;
        }
        var mixed = new Multipart("mixed") { alternative };
        foreach (var attachment in downloads)
        {
            mixed.Add(Part(attachment, ContentDisposition.Attachment));
        }
        return mixed;
    }

    private static MimePart Part(EmailAttachment attachment, string disposition)
    {
        var contentType = ContentType.TryParse(attachment.ContentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");
        var part = new MimePart(contentType)
        {
            Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
            ContentDisposition = new ContentDisposition(disposition),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        if (attachment.ContentId is { } contentId)
        {
            // The header carries <id>; the HTML refers to it as cid:id (RFC 2392). Tolerate an id given with brackets.
            part.ContentId = contentId.Trim('<', '>');
        }
        return part;
    }
}
