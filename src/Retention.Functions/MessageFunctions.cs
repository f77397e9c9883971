using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Endpoints;
using Retention.Api.Hosting;

namespace Retention.Functions;

/// <summary>
/// Consent updates from the storefront (function key) and the customer-facing unsubscribe link (anonymous: the
/// HMAC-signed token is the proof). Names and routes match <see cref="ApiRoutes"/>.
/// </summary>
public sealed class MessageFunctions(MessageEndpoints endpoints, EndpointGuard guard)
{
    [Function("UpdateConsent")]
    public async Task<IActionResult> UpdateConsentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "customers/{customerId}/consent")] HttpRequest request, string customerId) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.UpdateConsentAsync(request.HttpContext, customerId)));

    [Function("UnsubscribePage")]
    public async Task<IActionResult> UnsubscribePageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => Task.FromResult(endpoints.ConfirmPage(request.HttpContext))));

    [Function("Unsubscribe")]
    public async Task<IActionResult> UnsubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.UnsubscribeAsync(request.HttpContext)));
}
