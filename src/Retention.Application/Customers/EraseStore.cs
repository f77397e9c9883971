using Microsoft.Extensions.Logging;
using Retention.Application.Ports;

namespace Retention.Application.Customers;

/// <summary>Shopify <c>shop/redact</c>: the store uninstalled us 48 hours ago; delete everything we hold for it.</summary>
public sealed partial class EraseStore(IStoreEraser eraser, ILogger<EraseStore> logger)
{
    public async Task<long> ExecuteAsync(CancellationToken cancellationToken)
    {
        var rows = await eraser.EraseAllAsync(cancellationToken);
        LogErased(rows);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erased the whole store: {Rows} rows deleted")]
    private partial void LogErased(long rows);
}
