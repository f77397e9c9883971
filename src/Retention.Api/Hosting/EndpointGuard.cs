using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Retention.Api.Endpoints;
using Retention.Application.Ports;

namespace Retention.Api.Hosting;

/// <summary>
/// Runs a handler and turns failures into problem responses: storage outages become 503 (safe to retry),
/// anything else 500 with a trace id to quote, never a stack trace. Both hosts call handlers through it.
/// </summary>
public sealed partial class EndpointGuard(ILogger<EndpointGuard> logger)
{
    public async Task<IResult> RunAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception ex) when (ex is StorageUnavailableException or MessagingUnavailableException)
        {
            // Everything stored so far is idempotent: the caller's retry completes the request without doubling anything.
            LogStorageUnavailable(ex, context.Request.Path);
            return Problems.Unavailable();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnexpected(ex, context.Request.Path, context.TraceIdentifier);
            return Problems.Problem(StatusCodes.Status500InternalServerError, "Unexpected error.",
                $"The error was logged with trace id {context.TraceIdentifier}. Retrying the same request is safe.", "unexpected-error");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage or the queue unavailable while serving {Path}")]
    private partial void LogStorageUnavailable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error while serving {Path} (trace {TraceId})")]
    private partial void LogUnexpected(Exception exception, string path, string traceId);
}
