using Azure;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Storage;

/// <summary>Checks that the table service answers, by reading the service properties (no customer data).</summary>
internal sealed class TableStorageProbe(RetentionTables tables) : IStorageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in tables.Probe.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
