using Retention.Domain.Customers;

namespace Retention.Application.Email;

/// <summary>
/// An email ready to send: an HTML body with a plain-text alternative, and attachments (inline ones carry a Content-ID
/// that the HTML references as <c>cid:...</c>). Addresses and content are personal data: never log them.
/// </summary>
/// <param name="From">Sender address (the <c>Email:From</c> setting).</param>
/// <param name="To">Recipients; at least one.</param>
/// <param name="IdempotencyKey">Stable key of this message (e.g. <c>report:2026-11-23</c>); providers that support it use it to drop duplicates.</param>
public sealed record EmailMessage(
    EmailAddress From,
    IReadOnlyList<EmailAddress> To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<EmailAttachment> Attachments,
    string IdempotencyKey)
{
    /// <summary>Extra headers such as <c>List-Unsubscribe</c>; names must not repeat the ones the sender sets (From, To, Subject, Message-Id).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
