namespace Retention.Domain.Customers;

/// <summary>
/// How to reach a customer, taken from their purchases: each field holds the value of the newest purchase (by purchase
/// time) that carried that field, so a late-arriving older purchase never overwrites a newer value, and a newer purchase
/// that leaves a field out does not erase it. Personal data: never log it.
/// </summary>
public sealed record CustomerContact(
    Stamped<EmailAddress>? Email,
    Stamped<LocaleTag>? Locale,
    Stamped<bool>? MarketingConsent,
    Stamped<string>? FirstName = null)
{
    public static readonly CustomerContact Unknown = new(null, null, null);

    /// <summary>Merges what a purchase made at <paramref name="purchasedAt"/> says, field by field.</summary>
    public CustomerContact Merge(EmailAddress? email, LocaleTag? locale, bool? marketingConsent, DateTimeOffset purchasedAt, string? firstName = null)
    {
        if (email is null && locale is null && marketingConsent is null && firstName is null)
        {
            return this;
        }
        return new CustomerContact(
            Newest(Email, email, purchasedAt),
            Newest(Locale, locale, purchasedAt),
            Newest(MarketingConsent, marketingConsent, purchasedAt),
            firstName is null || (FirstName is not null && purchasedAt < FirstName.At) ? FirstName : new Stamped<string>(firstName, purchasedAt));
    }

    /// <summary>
    /// The value to keep: the incoming one when given and at least as new as the current one (the same instant counts
    /// as newer), otherwise the current one.
    /// </summary>
    private static Stamped<T>? Newest<T>(Stamped<T>? current, T? incoming, DateTimeOffset at)
        where T : struct =>
        incoming is not { } value || (current is not null && at < current.At) ? current : new Stamped<T>(value, at);
}
