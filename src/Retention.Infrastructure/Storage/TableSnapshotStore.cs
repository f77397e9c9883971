using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using Retention.Application.Ports;
using Retention.Domain.Cohorts;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Snapshots in the <c>{prefix}snapshots</c> table: partition <c>retention</c>, row key the as-of day (<c>2026-11-23</c>),
/// the snapshot as gzip-compressed JSON plus a few readable columns. Saving a day again replaces its row (upsert).
/// </summary>
internal sealed class TableSnapshotStore(RetentionTables tables) : ISnapshotStore
{
    private const string Partition = "retention";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(RetentionSnapshot snapshot, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(Partition, RowKey(snapshot.AsOf))
        {
            ["Customers"] = snapshot.Metrics.Customers,
            ["ActiveCustomers"] = snapshot.Metrics.ActiveCustomers,
            ["RepeatPurchaseRate"] = snapshot.Metrics.RepeatPurchaseRate,
            ["TimeZone"] = snapshot.TimeZone,
        };
        ChunkedProperty.WriteBinary(entity, "Snapshot", Compress(JsonSerializer.SerializeToUtf8Bytes(SnapshotDocument.From(snapshot), Json)));
        await tables.Snapshots.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<RetentionSnapshot?> FindAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await tables.Snapshots.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(asOf), cancellationToken: cancellationToken);
        if (!row.HasValue || ChunkedProperty.ReadBinary(row.Value!, "Snapshot") is not { } compressed)
        {
            return null;
        }
        return JsonSerializer.Deserialize<SnapshotDocument>(Decompress(compressed), Json)!.ToSnapshot();
    }

    private static string RowKey(DateOnly asOf) => asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
