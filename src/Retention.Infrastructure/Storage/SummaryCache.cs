using System.Collections.Concurrent;
using Azure;
using Retention.Domain.Customers;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// The customer summaries this process wrote last, with their ETags, so that the next write for the same customer
/// skips the read. Purely an optimisation: every write is still ETag-checked, so a stale entry (another instance
/// wrote meanwhile) makes the transaction fail with 412, the entry is dropped, and the write retries from a fresh read.
/// A customer that is not in the cache is first tried as new (a summary insert), which fails with 409 if it exists.
/// </summary>
internal sealed class SummaryCache
{
    /// <summary>About 100 MB at the most; when full it starts over, which only costs reads.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<CustomerId, (CustomerSummary Summary, ETag ETag)> _entries = new();

    public bool TryGet(CustomerId customerId, out (CustomerSummary Summary, ETag ETag) entry) => _entries.TryGetValue(customerId, out entry);

    public void Set(CustomerSummary summary, ETag etag)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        _entries[summary.CustomerId] = (summary, etag);
    }

    public void Forget(CustomerId customerId) => _entries.TryRemove(customerId, out _);
}
