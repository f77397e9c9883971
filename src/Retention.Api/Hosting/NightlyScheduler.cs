using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Nightly;

namespace Retention.Api.Hosting;

/// <summary>
/// Runs the nightly job on the local host at the times <see cref="NightlyOptions.Schedule"/> gives (UTC), as the
/// Functions timer does on Azure. A failed run is logged and the next occurrence runs as usual.
/// </summary>
internal sealed partial class NightlyScheduler(RunNightly nightly, IOptions<NightlyOptions> options, TimeProvider clock, ILogger<NightlyScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.ParseSchedule();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            LogNext(next);
            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                await nightly.ExecuteAsync(null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next nightly run at {Next:u} (UTC)")]
    private partial void LogNext(DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "The nightly run failed; the next scheduled run will try again")]
    private partial void LogFailed(Exception exception);
}
