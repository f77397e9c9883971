namespace Retention.Application.Email;

/// <summary>A file attached to an email. With a <paramref name="ContentId"/> it is inline (an image the HTML shows), otherwise a download.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null)
{
    public bool IsInline => ContentId is not null;
}
