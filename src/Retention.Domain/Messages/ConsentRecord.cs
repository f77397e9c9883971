using Retention.Domain.Customers;

namespace Retention.Domain.Messages;

/// <summary>
/// What the customer told us directly about marketing email, apart from their purchases: a consent change the
/// storefront posted, and an unsubscribe. An unsubscribe is sticky: a later purchase that ticks the marketing box
/// does not undo it; only an explicit consent change posted for a later time does.
/// </summary>
/// <param name="Marketing">The latest consent change the storefront posted, with its time.</param>
/// <param name="UnsubscribedAt">When the customer last unsubscribed with a link, or null.</param>
public sealed record ConsentRecord(Stamped<bool>? Marketing, DateTimeOffset? UnsubscribedAt)
{
    public static readonly ConsentRecord None = new(null, null);

    /// <summary>
    /// After a consent change made at <paramref name="at"/>. An older change than the one kept is ignored. Consent
    /// given after an unsubscribe lifts it; consent given before it does not.
    /// </summary>
    public ConsentRecord WithConsent(bool marketing, DateTimeOffset at)
    {
        if (Marketing is not null && at < Marketing.At)
        {
            return this;
        }
        var unsubscribedAt = marketing && UnsubscribedAt is { } u && at > u ? null : UnsubscribedAt;
        return new ConsentRecord(new Stamped<bool>(marketing, at), unsubscribedAt);
    }

    /// <summary>After an unsubscribe at <paramref name="at"/>; unsubscribing again keeps the first time.</summary>
    public ConsentRecord Unsubscribe(DateTimeOffset at) =>
        UnsubscribedAt is not null ? this : new ConsentRecord(new Stamped<bool>(false, at), at);

    /// <summary>
    /// Whether marketing email may be sent: never after an unsubscribe; otherwise the newest of the storefront's
    /// consent change and the consent carried by the customer's purchases decides; when neither said anything,
    /// <paramref name="assumeConsentWhenUnknown"/> does.
    /// </summary>
    public bool AllowsMarketing(CustomerContact contact, bool assumeConsentWhenUnknown)
    {
        if (UnsubscribedAt is not null)
        {
            return false;
        }
        var fromPurchases = contact.MarketingConsent;
        var newest = Marketing is null ? fromPurchases
            : fromPurchases is null ? Marketing
            : fromPurchases.At > Marketing.At ? fromPurchases : Marketing;
        return newest?.Value ?? assumeConsentWhenUnknown;
    }
}
