using System.Collections.Immutable;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;

namespace Retention.Domain.Purchases;

/// <summary>
/// A purchase as the storefront reported it, already validated. <see cref="PurchasedAt"/> keeps the
/// offset the storefront sent; the store's time zone decides which day and month it falls in.
/// </summary>
public sealed record Purchase
{
    public required OrderId OrderId { get; init; }
    public required CustomerId CustomerId { get; init; }

    /// <summary>When the customer paid, with the storefront's offset.</summary>
    public required DateTimeOffset PurchasedAt { get; init; }

    /// <summary>What the customer paid, taxes and shipping included, before any refund.</summary>
    public required Money Total { get; init; }

    public EmailAddress? Email { get; init; }

    /// <summary>The customer's first name for greetings, 1 to <see cref="PurchaseRules.MaxNameLength"/> characters; personal data.</summary>
    public string? FirstName { get; init; }
    public LocaleTag? Locale { get; init; }

    /// <summary>Whether the customer agreed to marketing email; null when the storefront did not say.</summary>
    public bool? MarketingConsent { get; init; }

    public ImmutableArray<PurchaseLine> Lines { get; init; } = [];
    public ImmutableArray<string> DiscountCodes { get; init; } = [];

    /// <summary>The referral code the customer entered (another customer's), or null.</summary>
    public string? ReferralCode { get; init; }

    /// <summary>Test orders are stored but never counted in any metric or rule.</summary>
    public bool IsTest { get; init; }

    /// <summary>The fingerprint that decides whether a second post of the same order id is a replay or a conflict.</summary>
    public Idempotency.Fingerprint Fingerprint() => Idempotency.CanonicalForm.Of(this);
}
