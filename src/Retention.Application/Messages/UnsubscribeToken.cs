using Retention.Domain.Customers;

namespace Retention.Application.Messages;

/// <summary>What an unsubscribe token turned out to be.</summary>
public abstract record UnsubscribeToken
{
    private UnsubscribeToken()
    {
    }

    /// <summary>Signed by us and not expired.</summary>
    public sealed record Valid(CustomerId CustomerId, LocaleTag? Locale) : UnsubscribeToken;

    /// <summary>Signed by us, but older than <see cref="MessagesOptions.UnsubscribeLinkDays"/>.</summary>
    public sealed record Expired(LocaleTag? Locale) : UnsubscribeToken;

    /// <summary>Missing, malformed or with a wrong signature.</summary>
    public sealed record Invalid : UnsubscribeToken;
}
