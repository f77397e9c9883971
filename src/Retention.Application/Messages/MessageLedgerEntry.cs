using Retention.Domain.Customers;

namespace Retention.Application.Messages;

/// <summary>What became of one message.</summary>
/// <param name="Type">The message type's name.</param>
/// <param name="Marketing">Whether it was a marketing message (counts toward the cap when sent).</param>
/// <param name="Outcome"><see cref="MessageOutcome.Sent"/> or <see cref="MessageOutcome.Skipped"/>.</param>
/// <param name="Reason">For a skip: one of <see cref="Retention.Domain.Messages.SkipReason"/>.</param>
/// <param name="Language">The language the email was written in, when sent.</param>
/// <param name="ProviderMessageId">The email provider's id, when it gave one.</param>
public sealed record MessageLedgerEntry(
    CustomerId CustomerId,
    string MessageId,
    string Type,
    bool Marketing,
    MessageOutcome Outcome,
    string? Reason,
    string? Language,
    string? ProviderMessageId,
    DateTimeOffset RecordedAt);
