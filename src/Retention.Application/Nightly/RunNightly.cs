using Microsoft.Extensions.Logging;
using Retention.Application.Ports;
using Retention.Application.Reports;

namespace Retention.Application.Nightly;

/// <summary>
/// The nightly job: computes the snapshot as of the end of the previous store day (or a given day) and stores it.
/// Running it again for the same day replaces the snapshot with an identical one unless data changed meanwhile.
/// </summary>
/// <remarks>
/// Without <paramref name="customerModels"/> no customer-base model is fitted; without <paramref name="rewardRules"/>
/// (or with every programme off) the reward programmes do not run.
/// </remarks>
public sealed partial class RunNightly(
    RetentionCalculator calculator, ISnapshotStore snapshots, SendReportEmail reportEmail, ILogger<RunNightly> logger, Rewards.RunRewardRules? rewardRules = null,
    IRetentionMetrics? metrics = null, Models.FitCustomerModels? customerModels = null)
{
    public async Task<NightlyResult> ExecuteAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var day = asOf ?? calculator.Today.AddDays(-1);
        if (day >= calculator.Today)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), day, "The nightly job computes finished days only: as-of must be before today in the store's zone.");
        }
        var (snapshot, customers, elapsed) = await calculator.ComputeAsync(day, cancellationToken);
        var endOfDay = calculator.Calendar.StartOf(day.AddDays(1));
        Models.CustomerModelRun? models = null;
        if (customerModels is not null)
        {
            // Before the programmes, so that win-back can use the probability alive of the same night.
            models = await customerModels.ExecuteAsync(endOfDay, cancellationToken);
            snapshot = snapshot with { Models = models.Summary };
        }
        if (rewardRules is { Enabled: true })
        {
            // The programmes run before the snapshot is stored, so the report shows their uplift as of the same day.
            var programmes = await rewardRules.ExecuteAsync(endOfDay, cancellationToken, models);
            snapshot = snapshot with { Programmes = programmes.Programmes };
        }
        await snapshots.SaveAsync(snapshot, cancellationToken);
        LogNightly(day, customers, elapsed.TotalMilliseconds);
        ReportEmailStatus email;
        try
        {
            email = await reportEmail.ExecuteAsync(snapshot, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The snapshot is stored: an email failure must not fail the job; running it again for the day retries the email.
            LogEmailFailed(ex, day);
            email = ReportEmailStatus.Failed;
        }
        metrics?.NightlyCompleted(System.Diagnostics.Stopwatch.GetElapsedTime(started), customers);
        return new NightlyResult(snapshot, customers, elapsed, email);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The report email for {AsOf} failed; the snapshot is stored")]
    private partial void LogEmailFailed(Exception exception, DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly snapshot as of {AsOf}: {Customers} customers in {ElapsedMs:F0} ms")]
    private partial void LogNightly(DateOnly asOf, int customers, double elapsedMs);
}
