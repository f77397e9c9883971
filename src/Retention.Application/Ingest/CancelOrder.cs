using Microsoft.Extensions.Logging;
using Retention.Application.Ports;
using Retention.Domain.Orders;

namespace Retention.Application.Ingest;

/// <summary>Cancels an order, so that it stops counting as a purchase.</summary>
public sealed partial class CancelOrder(IOrderLedger ledger, Rewards.ApplyRewards rewards, ILogger<CancelOrder> logger)
{
    public async Task<CancelOutcome> ExecuteAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken)
    {
        var outcome = await ledger.CancelAsync(orderId, request, cancellationToken);
        if (outcome is CancelOutcome.Cancelled or CancelOutcome.AlreadyCancelled)
        {
            await rewards.OnOrderChangedAsync(orderId, cancellationToken);
        }
        LogCancel(orderId.Value, outcome.GetType().Name);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel for order {OrderId}: {Outcome}")]
    private partial void LogCancel(string orderId, string outcome);
}
