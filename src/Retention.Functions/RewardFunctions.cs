using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Endpoints;
using Retention.Api.Hosting;

namespace Retention.Functions;

/// <summary>The storefront's checkout calls (function key). Names and routes match <see cref="ApiRoutes"/>.</summary>
public sealed class RewardFunctions(RewardEndpoints endpoints, EndpointGuard guard)
{
    [Function("CustomerBenefits")]
    public async Task<IActionResult> BenefitsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/benefits")] HttpRequest request, string customerId) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.GetAsync(request.HttpContext, customerId)));

    [Function("ValidateCoupon")]
    public async Task<IActionResult> ValidateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "coupons/{code}/validate")] HttpRequest request, string code) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.ValidateAsync(request.HttpContext, code)));
}
