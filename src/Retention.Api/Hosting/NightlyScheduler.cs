using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using Retention.Application.Nightly;

namespace Retention.Api.Hosting;

/// <summary>The nightly job on the local host, at the times <see cref="NightlyOptions.Schedule"/> gives (UTC).</summary>
internal sealed class NightlyScheduler(RunNightly nightly, IOptions<NightlyOptions> options, TimeProvider clock, ILogger<NightlyScheduler> logger)
    : ScheduledJob(clock, logger)
{
    protected override string Name => "nightly";

    protected override CrontabSchedule Schedule => options.Value.ParseSchedule();

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => nightly.ExecuteAsync(null, cancellationToken);
}
