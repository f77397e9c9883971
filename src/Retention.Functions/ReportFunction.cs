using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Api.Endpoints;
using Retention.Api.Hosting;

namespace Retention.Functions;

/// <summary><c>GET /api/reports/retention</c>: cohort tables and metrics as JSON, CSV or HTML (function key required).</summary>
public sealed class ReportFunction(ReportEndpoint endpoint, EndpointGuard guard)
{
    [Function("RetentionReport")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/retention")] HttpRequest request) =>
        new ResultActionResult(await guard.RunAsync(request.HttpContext, () => endpoint.GetAsync(request.HttpContext)));
}
