using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Application.Ports;

/// <summary>Marketing consent the customer gave or withdrew outside their purchases, and the address suppression list.</summary>
public interface IConsentStore
{
    /// <summary>The customer's record, or <see cref="ConsentRecord.None"/>.</summary>
    Task<ConsentRecord> GetAsync(CustomerId customerId, CancellationToken cancellationToken);

    /// <summary>Changes the record atomically (read, apply, write with a concurrency check, retried on conflict); returns the new record.</summary>
    Task<ConsentRecord> UpdateAsync(CustomerId customerId, Func<ConsentRecord, ConsentRecord> change, CancellationToken cancellationToken);

    /// <summary>Whether the address may receive no email at all (bounces, complaints, blocked by the store).</summary>
    Task<bool> IsSuppressedAsync(EmailAddress address, CancellationToken cancellationToken);

    /// <summary>Adds an address to the suppression list; <paramref name="reason"/> such as <c>bounced</c> or <c>blocked</c>.</summary>
    Task SuppressAsync(EmailAddress address, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
