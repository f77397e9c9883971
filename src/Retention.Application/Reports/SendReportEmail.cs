using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Email;
using Retention.Application.Ports;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;

namespace Retention.Application.Reports;

/// <summary>
/// Emails a snapshot's report to <c>Report:Recipients</c>, at most once per as-of day. A failed send leaves the day
/// unsent (the snapshot is already stored), so re-running the nightly job for that day tries again.
/// </summary>
public sealed partial class SendReportEmail(
    IEmailSender sender,
    IReportEmailLedger ledger,
    IChartRenderer charts,
    IOptions<ReportEmailOptions> report,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<SendReportEmail> logger)
{
    /// <summary>Chart size in pixels: twice the 592 px it is shown at, for sharp text on high-density screens.</summary>
    public const int ChartWidth = 1184;
    public const int ChartHeight = 560;

    public async Task<ReportEmailStatus> ExecuteAsync(RetentionSnapshot snapshot, CancellationToken cancellationToken)
    {
        var recipients = report.Value.RecipientAddresses().ToList();
        if (recipients.Count == 0)
        {
            LogSkipped(snapshot.AsOf);
            return ReportEmailStatus.NoRecipients;
        }
        if (!await ledger.TryBeginAsync(snapshot.AsOf, clock.GetUtcNow(), cancellationToken))
        {
            LogAlreadySent(snapshot.AsOf);
            return ReportEmailStatus.AlreadySent;
        }
        EmailSendResult result;
        try
        {
            byte[]? chart = null;
            try
            {
                chart = charts.RetentionCurvesPng(ReportEmailComposer.ChartCurves(snapshot), ChartWidth, ChartHeight);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The email reads well without the image (alt text, heatmap, tiles): send it anyway.
                LogChartFailed(ex);
            }
            var message = ReportEmailComposer.Compose(snapshot, report.Value, EmailAddress.Parse(email.Value.From), recipients, chart);
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch
        {
            await ledger.AbandonAsync(snapshot.AsOf, CancellationToken.None);
            throw;
        }
        switch (result)
        {
            case EmailSendResult.Sent sent:
                await ledger.CompleteAsync(snapshot.AsOf, sent.ProviderMessageId, clock.GetUtcNow(), cancellationToken);
                LogSent(snapshot.AsOf, recipients.Count);
                return ReportEmailStatus.Sent;
            case EmailSendResult.Transient transient:
                await ledger.AbandonAsync(snapshot.AsOf, cancellationToken);
                LogTransient(snapshot.AsOf, transient.Reason);
                return ReportEmailStatus.Failed;
            case EmailSendResult.Permanent permanent:
                await ledger.AbandonAsync(snapshot.AsOf, cancellationToken);
                LogPermanent(snapshot.AsOf, permanent.Reason);
                return ReportEmailStatus.Failed;
            default:
                throw new InvalidOperationException($"Unknown send result {result.GetType().Name}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No report email for {AsOf}: Report:Recipients is empty")]
    private partial void LogSkipped(DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "The report email for {AsOf} was sent before (or is being sent); not sending it again")]
    private partial void LogAlreadySent(DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report email for {AsOf} sent to {Recipients} recipients")]
    private partial void LogSent(DateOnly asOf, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report email for {AsOf} not sent, will be retried by the next run for that day: {Reason}")]
    private partial void LogTransient(DateOnly asOf, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report email for {AsOf} refused by the provider: {Reason}")]
    private partial void LogPermanent(DateOnly asOf, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention chart could not be drawn; the report email goes without it")]
    private partial void LogChartFailed(Exception exception);
}
