using System.Collections.Immutable;
using Retention.Domain.Cohorts;
using Retention.Domain.Metrics;
using Retention.Domain.Rewards;

namespace Retention.Infrastructure.Storage;

/// <summary>The stored form of a <see cref="RetentionSnapshot"/> (JSON, gzip-compressed in the snapshots table).</summary>
/// <param name="Programmes">
/// Per-programme uplift. Added within version 1 as an optional member: documents written before it have none and load
/// with no programmes, so the version did not change.
/// </param>
internal sealed record SnapshotDocument(
    int Version,
    DateOnly AsOf,
    string TimeZone,
    string Currency,
    SnapshotDocument.Table Monthly,
    SnapshotDocument.Table Weekly,
    StoreMetrics Metrics,
    IReadOnlyList<ProgrammeResult>? Programmes = null)
{
    public const int CurrentVersion = 1;

    public sealed record Table(Granularity Granularity, DateOnly AsOf, int Current, bool CurrentComplete, ImmutableArray<Row> Rows);

    public sealed record Row(int Cohort, int Size, ImmutableArray<int> On, ImmutableArray<int> OnOrAfter, ImmutableArray<decimal> Revenue);

    public static SnapshotDocument From(RetentionSnapshot snapshot) =>
        new(CurrentVersion, snapshot.AsOf, snapshot.TimeZone, snapshot.Currency, From(snapshot.Monthly), From(snapshot.Weekly), snapshot.Metrics,
            snapshot.Programmes.IsDefaultOrEmpty ? null : [.. snapshot.Programmes]);

    public RetentionSnapshot ToSnapshot() =>
        Version == CurrentVersion
            ? new RetentionSnapshot(AsOf, TimeZone, Currency, ToTable(Monthly), ToTable(Weekly), Metrics) { Programmes = [.. Programmes ?? []] }
            : throw new InvalidDataException($"Snapshot format version {Version} is not supported.");

    private static Table From(CohortTable table) =>
        new(table.Granularity, table.AsOf, table.Current.Index, table.CurrentComplete,
            [.. table.Rows.Select(r => new Row(r.Cohort.Index, r.Size, r.On, r.OnOrAfter, r.Revenue))]);

    private static CohortTable ToTable(Table table) =>
        new(table.Granularity, table.AsOf, new Period(table.Granularity, table.Current), table.CurrentComplete,
            [.. table.Rows.Select(r => new CohortRow(new Period(table.Granularity, r.Cohort), r.Size, r.On, r.OnOrAfter, r.Revenue))]);
}
