using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Retention.Api.Endpoints;
using Retention.Application.Ingest;
using Retention.Domain.Orders;

namespace Retention.Api.Webhooks;

/// <summary>
/// Applies a mapped order event through the ingest use cases, for both platforms. Every step is idempotent (purchases by
/// order id and content, refunds by refund id), so a retried delivery applies nothing twice. A step that storage could
/// not complete answers 503, so the platform retries; a payload the order cannot take answers 422.
/// </summary>
internal sealed partial class OrderWebhooks(RecordPurchases recordPurchases, RecordRefund recordRefund, CancelOrder cancelOrder, ILogger<OrderWebhooks> logger)
{
    /// <summary>Records the purchase, then each refund it carries.</summary>
    public async Task<ProblemHttpResult?> PurchaseAsync(WebhookOrder order, WebhookResult result, CancellationToken cancellationToken)
    {
        if (await RecordAsync(order, result, cancellationToken) is { } problem)
        {
            return problem;
        }
        foreach (var refund in order.Refunds)
        {
            if (await RefundAsync(order.OrderId, refund, result, cancellationToken) is { } refundProblem)
            {
                return refundProblem;
            }
        }
        return null;
    }

    /// <summary>Cancels the order; an order we never saw is recorded first when it was paid, so that it counts as cancelled, not as missing.</summary>
    public async Task<ProblemHttpResult?> CancelAsync(WebhookOrder order, WebhookResult result, CancellationToken cancellationToken)
    {
        var outcome = await cancelOrder.ExecuteAsync(order.OrderId, order.Cancel, cancellationToken);
        if (outcome is CancelOutcome.OrderNotFound && order.IsPaid && order.Purchase is not null)
        {
            if (await RecordAsync(order, result, cancellationToken) is { } problem)
            {
                return problem;
            }
            outcome = await cancelOrder.ExecuteAsync(order.OrderId, order.Cancel, cancellationToken);
        }
        switch (outcome)
        {
            case CancelOutcome.Cancelled:
                result.Cancellation = "cancelled";
                return null;
            case CancelOutcome.AlreadyCancelled:
                result.Cancellation = "already-cancelled";
                return null;
            case CancelOutcome.OrderNotFound:
                result.Cancellation = "order-not-recorded";
                return null;
            case CancelOutcome.Invalid invalid:
                return Problems.Field(order.CancelPath, invalid.Error.Reason, StatusCodes.Status422UnprocessableEntity);
            default:
                throw new InvalidOperationException($"Unexpected cancel outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>
    /// Applies one refund. One that the order cannot take because of what we hold (a different refund under its id, a
    /// cancelled order, more than what remains, an order we never recorded) is skipped with 200: a retry cannot change
    /// that, and a failing status would only make the platform retry (docs/webhooks.md). An invalid field is a 422.
    /// </summary>
    public async Task<ProblemHttpResult?> RefundAsync(OrderId orderId, WebhookRefund refund, WebhookResult result, CancellationToken cancellationToken)
    {
        var request = refund.Request;
        var outcome = await recordRefund.ExecuteAsync(orderId, request, cancellationToken);
        string step;
        switch (outcome)
        {
            case RefundOutcome.Recorded:
                step = "recorded";
                break;
            case RefundOutcome.Replayed:
                step = "replayed";
                break;
            case RefundOutcome.OrderNotFound:
                step = "order-not-recorded";
                break;
            case RefundOutcome.Rejected { Decision: RefundDecision.Conflict }:
                LogRefundKeptFirst(orderId.Value, request.RefundId.Value);
                step = "kept-first";
                break;
            case RefundOutcome.Rejected { Decision: RefundDecision.OrderCancelled }:
                step = "order-cancelled";
                break;
            case RefundOutcome.Rejected { Decision: RefundDecision.ExceedsRemaining }:
                LogRefundExceeds(orderId.Value, request.RefundId.Value);
                step = "exceeds-remaining";
                break;
            case RefundOutcome.Rejected { Decision: RefundDecision.Invalid invalid }:
                return Problems.Field(refund.PathOf(invalid.Field), invalid.Error.Reason, StatusCodes.Status422UnprocessableEntity);
            default:
                throw new InvalidOperationException($"Unexpected refund outcome {outcome.GetType().Name}.");
        }
        (result.Refunds ??= []).Add(new WebhookResult.RefundStep(request.RefundId.Value, request.Amount.ToString(CultureInfo.InvariantCulture), step));
        return null;
    }

    private async Task<ProblemHttpResult?> RecordAsync(WebhookOrder order, WebhookResult result, CancellationToken cancellationToken)
    {
        var purchase = order.Purchase ?? throw new InvalidOperationException("The reader reports every field a purchase lacks; the endpoint answers 422 before this.");
        var outcomes = await recordPurchases.ExecuteAsync([purchase], cancellationToken);
        switch (outcomes[0])
        {
            case PurchaseOutcome.Recorded:
                result.Purchase = "recorded";
                return null;
            case PurchaseOutcome.Replayed:
                result.Purchase = "replayed";
                return null;
            case PurchaseOutcome.Conflict:
                // The order was edited on the platform after we recorded it. The first version stays: ingest never
                // rewrites a recorded purchase, and refunds and cancellations still apply to it.
                LogPurchaseKeptFirst(order.OrderId.Value);
                result.Purchase = "kept-first";
                return null;
            default:
                return Problems.Unavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook order {OrderId} differs from the purchase recorded before; the first version is kept")]
    private partial void LogPurchaseKeptFirst(string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refund {RefundId} of order {OrderId} differs from the refund recorded before; the first version is kept")]
    private partial void LogRefundKeptFirst(string orderId, string refundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refund {RefundId} of order {OrderId} exceeds what remains refundable; skipped")]
    private partial void LogRefundExceeds(string orderId, string refundId);
}
