using Retention.Domain.Customers;

namespace Retention.Domain.Messages;

/// <summary>Whether to email a message now, and to whom.</summary>
public abstract record DispatchDecision
{
    private DispatchDecision()
    {
    }

    /// <summary>Send to <paramref name="To"/>, greeting <paramref name="FirstName"/> when known, in the language of <paramref name="Locale"/> (the message's, else the customer's; null: the store default).</summary>
    public sealed record Send(EmailAddress To, string? FirstName, LocaleTag? Locale) : DispatchDecision;

    /// <summary>Complete the message without an email; <paramref name="Reason"/> is one of <see cref="SkipReason"/>.</summary>
    public sealed record Skip(string Reason) : DispatchDecision;
}
