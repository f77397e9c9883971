using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Messages;

namespace Retention.Api.Hosting;

/// <summary>
/// Runs the email dispatcher on the local host at the times <see cref="DispatchOptions.Schedule"/> gives, as the
/// Functions timer does on Azure. Runs never overlap; a failed run is logged and the next one runs as usual.
/// </summary>
internal sealed partial class DispatchScheduler(DispatchMessages dispatcher, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<DispatchScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.ParseSchedule();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await Task.Delay(schedule.GetNextOccurrence(now) - now, clock, stoppingToken);
            try
            {
                await dispatcher.ExecuteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The email dispatch run failed; the next scheduled run will try again")]
    private partial void LogFailed(Exception exception);
}
