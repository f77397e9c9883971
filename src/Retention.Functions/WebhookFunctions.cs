using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Hosting;
using Retention.Api.Webhooks;

namespace Retention.Functions;

/// <summary>
/// Storefront platforms' webhooks. Anonymous: Shopify and WooCommerce cannot send a function key; the HMAC signature
/// over the raw body, checked by <see cref="WebhookEndpoints"/> before anything else, is the authentication. Names and
/// routes match <see cref="ApiRoutes"/>.
/// </summary>
public sealed class WebhookFunctions(WebhookEndpoints endpoints, EndpointGuard guard)
{
    [Function("ShopifyWebhook")]
    public async Task<IActionResult> ShopifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/shopify")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.ShopifyAsync(request.HttpContext)));

    [Function("WooCommerceWebhook")]
    public async Task<IActionResult> WooCommerceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/woocommerce")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.WooCommerceAsync(request.HttpContext)));
}
