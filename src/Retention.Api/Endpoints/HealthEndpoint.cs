using Microsoft.AspNetCore.Http;
using Retention.Application.Ports;

namespace Retention.Api.Endpoints;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 when not. Needs no key and shows no data.</summary>
public sealed class HealthEndpoint(IStorageProbe storage)
{
    public async Task<IResult> CheckAsync(HttpContext context)
    {
        var reachable = await storage.IsReachableAsync(context.RequestAborted);
        return TypedResults.Json(
            new Responses.Health(reachable ? "healthy" : "unhealthy", reachable ? "reachable" : "unreachable"),
            IngestEndpoints.Json,
            statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
