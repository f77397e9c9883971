using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Retention.Application.Nightly;

namespace Retention.Functions;

/// <summary>
/// The nightly job on its schedule (setting <c>Nightly:Schedule</c>, NCRONTAB in UTC). <c>UseMonitor</c> keeps the
/// schedule's state in storage, so a run missed while the app was down is caught up once (<c>IsPastDue</c>); the job
/// computes as of the end of the previous store day either way, and re-running a day replaces its snapshot.
/// </summary>
public sealed partial class NightlyFunction(RunNightly nightly, ILogger<NightlyFunction> logger)
{
    [Function("Nightly")]
    public async Task RunAsync([TimerTrigger("%Nightly:Schedule%", UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            LogCatchUp();
        }
        await nightly.ExecuteAsync(null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The nightly run is past due (the app was down at its time); catching up now")]
    private partial void LogCatchUp();
}
