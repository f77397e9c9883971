using Retention.Application.Messages;
using Retention.Application.Rewards;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Domain.Rewards;

namespace Retention.Application.Customers;

/// <summary>Everything we hold about one customer (GDPR access request, Shopify <c>customers/data_request</c>).</summary>
public sealed record CustomerExport(
    CustomerId CustomerId,
    DateTimeOffset ExportedAt,
    CustomerContact Contact,
    IReadOnlyList<Order> Orders,
    ConsentRecord Consent,
    LoyaltyAccount Loyalty,
    IReadOnlyList<MessageLedgerEntry> Messages,
    IReadOnlyList<LoggedDecision> Decisions);
