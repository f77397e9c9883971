using System.Collections.Immutable;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Api.Webhooks;

/// <summary>
/// An order event mapped to domain objects. The readers fill what they can; whether a missing purchase matters depends on
/// the topic (a cancellation of an order we hold needs only the id), so the endpoint decides.
/// </summary>
internal sealed record WebhookOrder
{
    public required OrderId OrderId { get; init; }

    /// <summary>The purchase, or null when a field it needs is missing or invalid (the reader's errors name the JSON path).</summary>
    public Purchase? Purchase { get; init; }

    /// <summary>The platform's status in lower case: Shopify's <c>financial_status</c>, WooCommerce's <c>status</c>.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// False for an anonymous sale: no customer account and no email to stand for one (a point-of-sale sale, say). It
    /// cannot count for any customer, so it is answered and not recorded.
    /// </summary>
    public bool HasCustomer { get; init; } = true;

    /// <summary>A test order (Shopify <c>test: true</c>): answered and otherwise ignored.</summary>
    public bool IsTest { get; init; }

    /// <summary>Whether the customer paid at some point (so a cancellation of an order we never saw still records it first).</summary>
    public bool IsPaid { get; init; }

    /// <summary>The refunds the order carries, in payload order; each applied idempotently by its id.</summary>
    public ImmutableArray<WebhookRefund> Refunds { get; init; } = [];

    /// <summary>The cancellation to apply when the event cancels the order.</summary>
    public CancelRequest Cancel { get; init; } = new(null, null);

    /// <summary>The JSON path of the cancellation time, for a problem about it.</summary>
    public string CancelPath { get; init; } = "$";

    /// <summary>JSON paths of optional fields that were invalid and left out (logged, never their values).</summary>
    public ImmutableArray<string> Dropped { get; init; } = [];
}
