using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Endpoints;
using Retention.Api.Hosting;

namespace Retention.Functions;

/// <summary><c>GET /api/health</c>, anonymous: says whether storage is reachable and nothing else.</summary>
public sealed class HealthFunction(HealthEndpoint endpoint, EndpointGuard guard)
{
    [Function("Health")]
    public async Task<IActionResult> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoint.CheckAsync(request.HttpContext)));
}
