using Retention.Domain.Customers;

namespace Retention.Domain.Rewards;

/// <summary>The owner of a referral code, as far as the self-referral check needs to know them.</summary>
public sealed record Referrer(CustomerId CustomerId, EmailAddress? Email);
