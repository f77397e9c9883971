using Retention.Domain.Customers;

namespace Retention.Application.Rewards;

/// <summary>A decision as the decision log keeps it.</summary>
/// <param name="Programme">The message type's name.</param>
/// <param name="HeldOut">The customer is in the holdout: the message is not sent.</param>
/// <param name="Published">The message was handed to the queue.</param>
public sealed record LoggedDecision(CustomerId CustomerId, string MessageId, string Programme, DateTimeOffset DecidedAt, bool HeldOut, bool Published);
