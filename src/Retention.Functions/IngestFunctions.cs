using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Endpoints;
using Retention.Api.Hosting;

namespace Retention.Functions;

/// <summary>
/// HTTP triggers for ingest. Function-level authorization: the Functions host checks <c>x-functions-key</c> or
/// <c>?code=</c> before the worker sees the request. Names and routes match <see cref="ApiRoutes"/>.
/// </summary>
public sealed class IngestFunctions(IngestEndpoints endpoints, EndpointGuard guard)
{
    [Function("RecordPurchase")]
    public async Task<IActionResult> RecordPurchaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "purchases")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.RecordPurchaseAsync(request.HttpContext)));

    [Function("RecordPurchaseBatch")]
    public async Task<IActionResult> RecordPurchaseBatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "purchases/batch")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.RecordBatchAsync(request.HttpContext)));

    [Function("RecordRefund")]
    public async Task<IActionResult> RecordRefundAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{orderId}/refunds")] HttpRequest request, string orderId) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.RecordRefundAsync(request.HttpContext, orderId)));

    [Function("CancelOrder")]
    public async Task<IActionResult> CancelOrderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{orderId}/cancel")] HttpRequest request, string orderId) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.CancelOrderAsync(request.HttpContext, orderId)));
}
