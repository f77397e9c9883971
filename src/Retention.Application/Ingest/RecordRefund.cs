using Microsoft.Extensions.Logging;
using Retention.Application.Ports;
using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>Records a refund against an order.</summary>
public sealed partial class RecordRefund(IOrderLedger ledger, Rewards.ApplyRewards rewards, ILogger<RecordRefund> logger)
{
    public async Task<RefundOutcome> ExecuteAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken)
    {
        var outcome = await ledger.RefundAsync(orderId, request, cancellationToken);
        if (outcome is RefundOutcome.Recorded or RefundOutcome.Replayed)
        {
            await rewards.OnOrderChangedAsync(orderId, cancellationToken);
        }
        LogRefund(orderId.Value, outcome.GetType().Name);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund for order {OrderId}: {Outcome}")]
    private partial void LogRefund(string orderId, string outcome);
}
