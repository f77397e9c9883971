namespace Retention.Domain.Customers;

/// <summary>
/// How to reach a customer, taken from their purchases: each field holds the value of the newest purchase
/// (by purchase time) that carried it. Personal data: never log it.
/// </summary>
/// <param name="AsOf">Purchase time of the newest purchase that set a field; null when nothing is known.</param>
public sealed record CustomerContact(EmailAddress? Email, LocaleTag? Locale, bool? MarketingConsent, DateTimeOffset? AsOf)
{
    public static readonly CustomerContact Unknown = new(null, null, null, null);

    /// <summary>
    /// Merges what a purchase made at <paramref name="purchasedAt"/> says. A newer purchase overrides the fields it carries;
    /// an older one (a backfill, a late webhook) only fills fields that are still unknown.
    /// </summary>
    public CustomerContact Merge(EmailAddress? email, LocaleTag? locale, bool? marketingConsent, DateTimeOffset purchasedAt)
    {
        if (email is null && locale is null && marketingConsent is null)
        {
            return this;
        }
        var newer = AsOf is null || purchasedAt >= AsOf;
        return newer
            ? new CustomerContact(email ?? Email, locale ?? Locale, marketingConsent ?? MarketingConsent, purchasedAt)
            : new CustomerContact(Email ?? email, Locale ?? locale, MarketingConsent ?? marketingConsent, AsOf);
    }
}
