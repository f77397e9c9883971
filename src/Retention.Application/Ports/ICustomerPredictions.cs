using Retention.Application.Models;
using Retention.Domain.Customers;

namespace Retention.Application.Ports;

/// <summary>
/// Where the nightly job keeps each customer's latest predictions (one row per customer, replaced every run). Kept apart
/// from the customer summary, which every purchase rewrites under an ETag: a nightly write there would race ingest.
/// </summary>
public interface ICustomerPredictions
{
    /// <summary>Stores every customer's predictions as of <paramref name="asOf"/>, replacing their previous row;
    /// customers not in <paramref name="predictions"/> keep theirs (with its older as-of day).</summary>
    Task SaveAsync(DateOnly asOf, IReadOnlyDictionary<CustomerId, CustomerPrediction> predictions, CancellationToken cancellationToken);

    /// <summary>The customer's latest stored predictions, or null when none were ever stored.</summary>
    Task<StoredPrediction?> FindAsync(CustomerId customerId, CancellationToken cancellationToken);
}
