using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Report emails in the <c>{prefix}reportemails</c> table: partition <c>report</c>, row key the as-of day. A row with
/// <c>State = sending</c> is a claim (inserted, so only one run wins it); <c>sent</c> is final. A claim older than
/// <see cref="AbandonedAfter"/> belongs to a run that died and may be taken over.
/// </summary>
internal sealed class TableReportEmailLedger(RetentionTables tables) : IReportEmailLedger
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);
    private const string Partition = "report";

    public async Task<bool> TryBeginAsync(DateOnly asOf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var claim = new TableEntity(Partition, RowKey(asOf)) { ["State"] = "sending", ["ClaimedAt"] = now };
        try
        {
            await tables.ReportEmails.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await tables.ReportEmails.GetEntityAsync<TableEntity>(Partition, RowKey(asOf), cancellationToken: cancellationToken);
            var abandoned = existing.Value.GetString("State") == "sending"
                            && now - (existing.Value.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue) >= AbandonedAfter;
            if (!abandoned)
            {
                return false;
            }
            try
            {
                await tables.ReportEmails.UpdateEntityAsync(claim, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException race) when (race.Status == 412)
            {
                return false;
            }
        }
    }

    public async Task CompleteAsync(DateOnly asOf, string? providerMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        await tables.ReportEmails.UpsertEntityAsync(
            new TableEntity(Partition, RowKey(asOf)) { ["State"] = "sent", ["SentAt"] = sentAt, ["ProviderMessageId"] = providerMessageId },
            TableUpdateMode.Replace, cancellationToken);

    public async Task AbandonAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        await tables.ReportEmails.DeleteEntityAsync(Partition, RowKey(asOf), ETag.All, cancellationToken);

    private static string RowKey(DateOnly asOf) => asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
