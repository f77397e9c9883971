using Retention.Application.Messages;
using Retention.Domain.Customers;

namespace Retention.Application.Ports;

/// <summary>
/// Which messages were handled, and how: one entry per message id, written after the email was sent (or after the
/// message was skipped), so a redelivered message is completed without a second email. Also the source of the frequency cap.
/// </summary>
public interface IMessageLedger
{
    Task<MessageLedgerEntry?> FindAsync(CustomerId customerId, string messageId, CancellationToken cancellationToken);

    /// <summary>Records an outcome; recording the same message id again keeps the first entry.</summary>
    Task RecordAsync(MessageLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Marketing emails sent to the customer at or after <paramref name="since"/>.</summary>
    Task<int> CountMarketingSentAsync(CustomerId customerId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The ids of every message that was sent (for the programmes' uplift).</summary>
    IAsyncEnumerable<string> ReadSentMessageIdsAsync(CancellationToken cancellationToken);

    /// <summary>The customer's entries, newest first (for the CLI and the data export).</summary>
    IAsyncEnumerable<MessageLedgerEntry> ReadCustomerAsync(CustomerId customerId, CancellationToken cancellationToken);
}
