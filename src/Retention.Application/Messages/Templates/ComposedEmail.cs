namespace Retention.Application.Messages.Templates;

/// <summary>A customer email ready to send.</summary>
/// <param name="Html">A complete HTML document (inline styles, no scripts), <c>dir="rtl"</c> for right-to-left languages.</param>
/// <param name="Text">The plain-text alternative with the same content.</param>
/// <param name="Language">The language subtag it is written in (<c>en</c>, <c>hi</c>, <c>fa</c>, <c>gu</c>, <c>bn</c>), for the send ledger.</param>
public sealed record ComposedEmail(string Subject, string Html, string Text, string Language, bool RightToLeft);
