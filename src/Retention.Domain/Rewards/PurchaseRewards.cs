using System.Collections.Immutable;
using Retention.Domain.Customers;

namespace Retention.Domain.Rewards;

/// <summary>What the programmes decided at one purchase: the customer's account afterwards, the messages, and a referrer to credit.</summary>
public sealed record PurchaseRewards(LoyaltyAccount Account, ImmutableArray<Decision> Decisions, CustomerId? CreditReferrer);
