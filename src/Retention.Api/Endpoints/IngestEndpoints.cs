using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Retention.Api.Json;
using Retention.Application.Ingest;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Api.Endpoints;

/// <summary>
/// The ingest endpoints: purchases (one or a batch), refunds and cancellations. Each handler reads and validates
/// the request, calls one use case and maps its outcome to a response; the Functions app and the local host both call these.
/// </summary>
public sealed class IngestEndpoints(RecordPurchases recordPurchases, RecordRefund recordRefund, CancelOrder cancelOrder, TimeProvider clock)
{
    /// <summary>A single purchase body may be at most 1 MiB.</summary>
    public const long MaxPurchaseBytes = 1L << 20;

    /// <summary>A batch body may be at most 16 MiB (1,000 purchases of up to ~16 KiB each).</summary>
    public const long MaxBatchBytes = 16L << 20;

    /// <summary>Header set on a 200 answer that replays an earlier identical request.</summary>
    public const string ReplayHeader = "Idempotent-Replay";

    // Relaxed escaping: these bodies are JSON for programs, never embedded in HTML, so "'" and "±" stay readable.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>POST /api/purchases</c>: 201 recorded, 200 identical replay, 409 same order id with different content.</summary>
    public async Task<IResult> RecordPurchaseAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (document, problem) = await JsonBody.ReadAsync(context.Request, MaxPurchaseBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var purchase = PurchaseReader.Read(document!.RootElement, "$", clock.GetUtcNow(), errors);
            if (purchase is null)
            {
                return Problems.Validation(errors);
            }
            var outcomes = await recordPurchases.ExecuteAsync([purchase], cancellationToken);
            return outcomes[0] switch
            {
                PurchaseOutcome.Recorded recorded => TypedResults.Json(Responses.From(recorded.Receipt), Json, statusCode: StatusCodes.Status201Created),
                PurchaseOutcome.Replayed replayed => Replay(context, Responses.From(replayed.Receipt)),
                PurchaseOutcome.Conflict conflict => ConflictFor(conflict.OrderId),
                _ => Problems.Unavailable(),
            };
        }
    }

    /// <summary>
    /// <c>POST /api/purchases/batch</c> with <c>{"purchases": [...]}</c>: 200 with each item's outcome in input order.
    /// Invalid items are reported and do not block valid ones.
    /// </summary>
    public async Task<IResult> RecordBatchAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (document, problem) = await JsonBody.ReadAsync(context.Request, MaxBatchBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("purchases", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return Problems.Field("$.purchases", "is required: an array of purchases", StatusCodes.Status400BadRequest);
            }
            var count = array.GetArrayLength();
            if (count is 0 or > RecordPurchases.MaxBatchSize)
            {
                return Problems.Field("$.purchases", $"must hold 1 to {RecordPurchases.MaxBatchSize} purchases (got {count})", StatusCodes.Status400BadRequest);
            }

            var now = clock.GetUtcNow();
            var items = new Responses.BatchItem?[count];
            var valid = new List<(int Index, Purchase Purchase)>(count);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var errors = new ValidationErrors();
                var purchase = PurchaseReader.Read(element, $"$.purchases[{index}]", now, errors);
                if (purchase is null)
                {
                    var orderId = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("orderId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                    items[index] = new Responses.BatchItem(index, orderId, 400, "invalid", null, ProblemBody(Problems.Validation(errors)));
                }
                else
                {
                    valid.Add((index, purchase));
                }
                index++;
            }

            var outcomes = await recordPurchases.ExecuteAsync([.. valid.Select(v => v.Purchase)], cancellationToken);
            for (var i = 0; i < valid.Count; i++)
            {
                var (at, purchase) = valid[i];
                items[at] = outcomes[i] switch
                {
                    PurchaseOutcome.Recorded r => new Responses.BatchItem(at, purchase.OrderId.Value, 201, "recorded", Responses.From(r.Receipt), null),
                    PurchaseOutcome.Replayed r => new Responses.BatchItem(at, purchase.OrderId.Value, 200, "replayed", Responses.From(r.Receipt), null),
                    PurchaseOutcome.Conflict c => new Responses.BatchItem(at, purchase.OrderId.Value, 409, "conflict", null, ProblemBody(ConflictFor(c.OrderId))),
                    _ => new Responses.BatchItem(at, purchase.OrderId.Value, 503, "unavailable", null, ProblemBody(Problems.Unavailable())),
                };
            }
            var results = items.Select(i => i!).ToList();
            var summary = new Responses.BatchSummary(
                count,
                results.Count(r => r.Outcome == "recorded"),
                results.Count(r => r.Outcome == "replayed"),
                results.Count(r => r.Outcome == "conflict"),
                results.Count(r => r.Outcome == "invalid"),
                results.Count(r => r.Outcome == "unavailable"));
            return TypedResults.Json(new Responses.BatchResult(summary, results), Json);
        }
    }

    /// <summary><c>POST /api/orders/{orderId}/refunds</c>: 201 recorded, 200 replay, 404, 409 (refund id reused, order cancelled), 422 (amount).</summary>
    public async Task<IResult> RecordRefundAsync(HttpContext context, string orderIdText)
    {
        var cancellationToken = context.RequestAborted;
        var errors = new ValidationErrors();
        var orderId = OrderChangeReader.ReadOrderId(RawPath.SegmentAfter(context, "orders") ?? orderIdText, errors);
        var (document, problem) = await JsonBody.ReadAsync(context.Request, MaxPurchaseBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var request = OrderChangeReader.ReadRefund(document!.RootElement, errors);
            if (request is null || orderId is null)
            {
                return Problems.Validation(errors);
            }
            var outcome = await recordRefund.ExecuteAsync(orderId.Value, request, cancellationToken);
            return outcome switch
            {
                RefundOutcome.Recorded r => TypedResults.Json(Responses.From(r.Receipt), Json, statusCode: StatusCodes.Status201Created),
                RefundOutcome.Replayed r => Replay(context, Responses.From(r.Receipt)),
                RefundOutcome.OrderNotFound => OrderNotFound(orderId.Value),
                RefundOutcome.Rejected { Decision: var decision } => decision switch
                {
                    RefundDecision.Conflict => Problems.Conflict(
                        $"Refund '{request.RefundId}' was recorded before with a different amount, time or reason.", "refund-id-conflict"),
                    RefundDecision.OrderCancelled => Problems.Conflict("The order is cancelled: there is nothing left to refund.", "order-cancelled"),
                    RefundDecision.ExceedsRemaining e => Problems.Field("$.amount",
                        $"must be at most {e.Remaining.FormatAmount()} {e.Remaining.Currency.Code}, what remains refundable", StatusCodes.Status422UnprocessableEntity),
                    RefundDecision.Invalid i => Problems.Field("$." + i.Field, i.Error.Reason, StatusCodes.Status422UnprocessableEntity),
                    _ => throw new InvalidOperationException($"Unexpected refund decision {decision.GetType().Name}."),
                },
                _ => throw new InvalidOperationException($"Unexpected refund outcome {outcome.GetType().Name}."),
            };
        }
    }

    /// <summary><c>POST /api/orders/{orderId}/cancel</c>: 200 cancelled (again: 200 with the first cancellation), 404.</summary>
    public async Task<IResult> CancelOrderAsync(HttpContext context, string orderIdText)
    {
        var cancellationToken = context.RequestAborted;
        var errors = new ValidationErrors();
        var orderId = OrderChangeReader.ReadOrderId(RawPath.SegmentAfter(context, "orders") ?? orderIdText, errors);
        var (document, problem) = await JsonBody.ReadAsync(context.Request, MaxPurchaseBytes, allowEmpty: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var request = OrderChangeReader.ReadCancel(document?.RootElement, errors);
            if (request is null || orderId is null)
            {
                return Problems.Validation(errors);
            }
            var outcome = await cancelOrder.ExecuteAsync(orderId.Value, request, cancellationToken);
            return outcome switch
            {
                CancelOutcome.Cancelled c => TypedResults.Json(Responses.From(c.OrderId, c.Cancellation), Json),
                CancelOutcome.AlreadyCancelled c => Replay(context, Responses.From(c.OrderId, c.Cancellation)),
                CancelOutcome.OrderNotFound => OrderNotFound(orderId.Value),
                CancelOutcome.Invalid i => Problems.Field("$." + i.Field, i.Error.Reason, StatusCodes.Status422UnprocessableEntity),
                _ => throw new InvalidOperationException($"Unexpected cancel outcome {outcome.GetType().Name}."),
            };
        }
    }

    private static JsonHttpResult<T> Replay<T>(HttpContext context, T body)
    {
        context.Response.Headers[ReplayHeader] = "true";
        return TypedResults.Json(body, Json, statusCode: StatusCodes.Status200OK);
    }

    private static ProblemHttpResult ConflictFor(OrderId orderId) =>
        Problems.Conflict($"Order '{orderId}' was recorded before with different content. Use a new order id, or send the original body again.", "order-id-conflict");

    private static ProblemHttpResult OrderNotFound(OrderId orderId) =>
        Problems.NotFound($"No order '{orderId}' was recorded.");

    private static ProblemDetails ProblemBody(ProblemHttpResult result) => result.ProblemDetails;
}
