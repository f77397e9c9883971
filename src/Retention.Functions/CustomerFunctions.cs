using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Endpoints;
using Retention.Api.Hosting;

namespace Retention.Functions;

/// <summary>A customer's data rights: export and erase (function key). Names and routes match <see cref="ApiRoutes"/>.</summary>
public sealed class CustomerFunctions(CustomerEndpoints endpoints, EndpointGuard guard)
{
    [Function("ExportCustomer")]
    public async Task<IActionResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/export")] HttpRequest request, string customerId) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.ExportAsync(request.HttpContext, customerId)));

    [Function("EraseCustomer")]
    public async Task<IActionResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "customers/{customerId}/erase")] HttpRequest request, string customerId) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoints.EraseAsync(request.HttpContext, customerId)));
}
