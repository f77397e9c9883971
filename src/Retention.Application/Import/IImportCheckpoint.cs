namespace Retention.Application.Import;

/// <summary>
/// Where an import remembers how far it got, so that a re-run skips what is done instead of replaying it. Optional:
/// replaying is always safe (ingest is idempotent), only slower. The adapter decides whether a saved state belongs to
/// the same file and store.
/// </summary>
public interface IImportCheckpoint
{
    /// <summary>The saved state of an earlier run of this import, or null to start at the top.</summary>
    ImportCheckpointState? Read();

    void Write(ImportCheckpointState state);
}
