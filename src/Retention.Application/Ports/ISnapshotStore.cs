using Retention.Domain.Cohorts;

namespace Retention.Application.Ports;

/// <summary>Where nightly snapshots are kept, one per as-of day. Saving the same day again replaces it.</summary>
public interface ISnapshotStore
{
    Task SaveAsync(RetentionSnapshot snapshot, CancellationToken cancellationToken);

    Task<RetentionSnapshot?> FindAsync(DateOnly asOf, CancellationToken cancellationToken);
}
