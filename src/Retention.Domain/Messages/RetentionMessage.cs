using Retention.Domain.Customers;

namespace Retention.Domain.Messages;

/// <summary>
/// One message to one customer, as it travels on the queue (contract in <c>docs/messages.md</c>). It carries no
/// email address or name: the dispatcher looks the customer up when it sends, so an erased customer is never mailed.
/// </summary>
/// <param name="MessageId">Deterministic (for example <c>win-back:{customerId}:{lapseStart}</c>), so a re-run never sends twice; 1 to 128 characters.</param>
/// <param name="Locale">The language to write in; when null, the customer's locale, then the store default.</param>
/// <param name="CreatedAt">When the decision was made.</param>
public sealed record RetentionMessage(
    string MessageId,
    MessageType Type,
    CustomerId CustomerId,
    LocaleTag? Locale,
    DateTimeOffset CreatedAt,
    MessageData Data)
{
    /// <summary>The only version this code writes and reads; a newer version is dead-lettered, not guessed at.</summary>
    public const int SchemaVersion = 1;
}
