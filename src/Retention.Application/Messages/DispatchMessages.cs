using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Email;
using Retention.Application.Messages.Templates;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Application.Messages;

/// <summary>
/// One run of the email dispatcher: receives up to the budget from the queue (peek-lock) and, for each message,
/// checks the send ledger, decides (<see cref="DispatchPolicy"/>), renders, sends, records the send, then completes.
/// <list type="bullet">
/// <item>Already in the ledger: completed, no second email (a redelivery after a crash or a lost lock).</item>
/// <item>Skipped (no consent, capped, ...): recorded with the reason and completed, never retried.</item>
/// <item>Malformed, unknown type, newer schema, or rejected by the provider for good: dead-lettered with a reason.</item>
/// <item>Transient failure (provider busy, storage down): abandoned, and the run stops, so the rest waits in the queue
/// instead of using up its delivery count.</item>
/// </list>
/// The remaining duplicate window: the process dies after the provider accepted an email and before the ledger
/// write. The redelivery then sends again with the same idempotency key (ACS drops it as the same operation id;
/// over SMTP it carries the same Message-ID).
/// </summary>
public sealed partial class DispatchMessages(
    IMessageInbox inbox,
    IMessageLedger ledger,
    IConsentStore consent,
    IOrderLedger customers,
    IEmailSender email,
    UnsubscribeTokens unsubscribeTokens,
    IOptions<MessagesOptions> options,
    IOptions<BrandOptions> brand,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<DispatchMessages> logger,
    IRetentionMetrics? metrics = null)
{
    private enum Step
    {
        Sent,
        AlreadySent,
        Skipped,
        DeadLettered,
        Stop,
    }

    public async Task<DispatchSummary> ExecuteAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        int received = 0, sent = 0, alreadySent = 0, deadLettered = 0, abandoned = 0;
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var stop = false;
        while (!stop && sent < settings.BudgetPerRun && received < settings.MaxMessagesPerRun)
        {
            // Never lock more than the run can still send, so nothing waits locked while the budget runs out.
            var want = Math.Min(settings.BudgetPerRun - sent, settings.MaxMessagesPerRun - received);
            var batch = await inbox.ReceiveAsync(want, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            received += batch.Count;
            foreach (var message in batch)
            {
                if (stop)
                {
                    await inbox.AbandonAsync(message, cancellationToken);
                    abandoned++;
                    continue;
                }
                var (step, reason) = await HandleAsync(message, cancellationToken);
                switch (step)
                {
                    case Step.Sent:
                        sent++;
                        break;
                    case Step.AlreadySent:
                        alreadySent++;
                        break;
                    case Step.Skipped:
                        skipped[reason!] = skipped.GetValueOrDefault(reason!) + 1;
                        break;
                    case Step.DeadLettered:
                        deadLettered++;
                        break;
                    case Step.Stop:
                        abandoned++;
                        stop = true;
                        break;
                }
            }
        }
        var summary = new DispatchSummary(received, sent, alreadySent, skipped, deadLettered, abandoned, stop);
        LogRun(received, sent, alreadySent, summary.SkippedTotal, deadLettered, abandoned);
        metrics?.MessagesDispatched(sent, deadLettered);
        return summary;
    }

    private async Task<(Step Step, string? Reason)> HandleAsync(InboxMessage inboxMessage, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = inboxMessage.MessageId });
        if (!MessageContract.TryParse(inboxMessage.Body.Span, out var message, out var rejection))
        {
            LogDeadLettered(rejection!.Reason, rejection.Description);
            await inbox.DeadLetterAsync(inboxMessage, rejection.Reason, rejection.Description, cancellationToken);
            return (Step.DeadLettered, rejection.Reason);
        }
        try
        {
            return await DispatchAsync(inboxMessage, message!, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage or queue trouble: release the message for a later run and stop this one.
            LogFailedWillRetry(ex);
            await TryAbandonAsync(inboxMessage, cancellationToken);
            return (Step.Stop, null);
        }
    }

    private async Task<(Step Step, string? Reason)> DispatchAsync(InboxMessage inboxMessage, RetentionMessage message, CancellationToken cancellationToken)
    {
        if (await ledger.FindAsync(message.CustomerId, message.MessageId, cancellationToken) is not null)
        {
            LogAlreadyHandled();
            await CompleteAsync(inboxMessage, cancellationToken);
            return (Step.AlreadySent, null);
        }

        var now = clock.GetUtcNow();
        var settings = options.Value;
        var contact = (await customers.FindCustomerAsync(message.CustomerId, cancellationToken))?.Contact;
        var record = message.Type.IsMarketing ? await consent.GetAsync(message.CustomerId, cancellationToken) : ConsentRecord.None;
        var suppressed = contact?.Email is { } address && await consent.IsSuppressedAsync(address.Value, cancellationToken);
        var sentInWindow = message.Type.IsMarketing
            ? await ledger.CountMarketingSentAsync(message.CustomerId, now - settings.FrequencyCap.Window, cancellationToken)
            : 0;
        var decision = DispatchPolicy.Decide(message, contact, record, suppressed, sentInWindow, settings.FrequencyCap, settings.AssumeConsentWhenUnknown);

        if (decision is DispatchDecision.Skip skip)
        {
            LogSkipped(message.Type.Name, skip.Reason);
            await ledger.RecordAsync(Entry(message, MessageOutcome.Skipped, skip.Reason, null, null, now), cancellationToken);
            await CompleteAsync(inboxMessage, cancellationToken);
            return (Step.Skipped, skip.Reason);
        }

        var send = (DispatchDecision.Send)decision;
        var locale = send.Locale ?? settings.DefaultLocaleTag;
        Uri? unsubscribe = null;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.Type.IsMarketing)
        {
            unsubscribe = unsubscribeTokens.LinkFor(unsubscribeTokens.Issue(message.CustomerId, send.Locale, now));
            headers["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }
        var composed = CustomerEmailComposer.Compose(message, send.FirstName, locale, settings.DefaultLocaleTag, brand.Value, unsubscribe);
        var emailMessage = new EmailMessage(
            EmailAddress.Parse(emailOptions.Value.From), [send.To], composed.Subject, composed.Html, composed.Text, [], "message:" + message.MessageId)
        {
            Headers = headers,
        };

        switch (await email.SendAsync(emailMessage, cancellationToken))
        {
            case EmailSendResult.Sent accepted:
                await ledger.RecordAsync(Entry(message, MessageOutcome.Sent, null, composed.Language, accepted.ProviderMessageId, clock.GetUtcNow()), cancellationToken);
                LogSent(message.Type.Name, composed.Language);
                await CompleteAsync(inboxMessage, cancellationToken);
                return (Step.Sent, null);
            case EmailSendResult.Permanent rejected:
                // Providers' words can quote the recipient's address: it never reaches the log or the dead-letter queue.
                var why = WithoutAddresses(rejected.Reason);
                LogDeadLettered("send-rejected", why);
                await inbox.DeadLetterAsync(inboxMessage, "send-rejected", why, cancellationToken);
                return (Step.DeadLettered, "send-rejected");
            case EmailSendResult.Transient transient:
                LogProviderBusy(WithoutAddresses(transient.Reason));
                await TryAbandonAsync(inboxMessage, cancellationToken);
                return (Step.Stop, null);
            default:
                throw new InvalidOperationException("Unknown email send result.");
        }
    }

    /// <summary>
    /// A complete that fails (lock lost, connection dropped) is not an error worth stopping for: the ledger already
    /// holds the outcome, so the redelivery completes without a second email.
    /// </summary>
    private async Task CompleteAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.CompleteAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCompleteFailed(ex);
        }
    }

    private async Task TryAbandonAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.AbandonAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lock will expire and the message come back by itself.
            LogAbandonFailed(ex);
        }
    }

    internal static string WithoutAddresses(string text) => Address().Replace(text, "[address]");

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s<>()\[\]:;,""']+@[^\s<>()\[\]:;,""']+")]
    private static partial System.Text.RegularExpressions.Regex Address();

    private static MessageLedgerEntry Entry(RetentionMessage message, MessageOutcome outcome, string? reason, string? language, string? providerId, DateTimeOffset at) =>
        new(message.CustomerId, message.MessageId, message.Type.Name, message.Type.IsMarketing, outcome, reason, language, providerId, at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch run: {Received} received, {Sent} sent, {AlreadySent} already sent, {Skipped} skipped, {DeadLettered} dead-lettered, {Abandoned} abandoned")]
    private partial void LogRun(int received, int sent, int alreadySent, int skipped, int deadLettered, int abandoned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a {Type} email in {Language}")]
    private partial void LogSent(string type, string language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a {Type} message: {Reason}")]
    private partial void LogSkipped(string type, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The message was handled before; completing it without sending again")]
    private partial void LogAlreadyHandled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered a message: {Reason}: {Description}")]
    private partial void LogDeadLettered(string reason, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email provider is busy ({Reason}); the message goes back to the queue and this run stops")]
    private partial void LogProviderBusy(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling a message failed; it goes back to the queue and this run stops")]
    private partial void LogFailedWillRetry(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing a handled message failed; its redelivery will be completed without a second email")]
    private partial void LogCompleteFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoning a message failed; it returns to the queue when its lock expires")]
    private partial void LogAbandonFailed(Exception exception);
}
