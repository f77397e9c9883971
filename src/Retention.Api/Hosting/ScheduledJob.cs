using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace Retention.Api.Hosting;

/// <summary>
/// Runs a job on the local host at the times of an NCRONTAB schedule (UTC), as a Functions timer does on Azure. Runs
/// never overlap; a failed run is logged and the next occurrence runs as usual.
/// </summary>
internal abstract partial class ScheduledJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }

    protected abstract CrontabSchedule Schedule { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = Schedule;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            LogNext(Name, next);
            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Next {Job} run at {Next:u} (UTC)")]
    private partial void LogNext(string job, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Job} run failed; the next scheduled run will try again")]
    private partial void LogFailed(Exception exception, string job);
}
