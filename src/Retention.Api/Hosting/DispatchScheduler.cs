using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using Retention.Application.Messages;

namespace Retention.Api.Hosting;

/// <summary>The email dispatcher on the local host, at the times <see cref="DispatchOptions.Schedule"/> gives (UTC).</summary>
internal sealed class DispatchScheduler(DispatchMessages dispatcher, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<DispatchScheduler> logger)
    : ScheduledJob(clock, logger)
{
    protected override string Name => "email dispatch";

    protected override CrontabSchedule Schedule => options.Value.ParseSchedule();

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => dispatcher.ExecuteAsync(cancellationToken);
}
