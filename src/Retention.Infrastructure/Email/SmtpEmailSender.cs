using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application.Email;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Sends email over SMTP with MailKit: any server, including MailDev locally and the Azure Communication Services SMTP
/// relay. One connection per message: the dispatcher sends a few dozen messages a minute at most (the provider's rate
/// limit), so a pooled connection would save little, and it would have to cope with servers that drop idle
/// connections and with <see cref="SmtpClient"/> not being thread-safe.
/// </summary>
/// <remarks>
/// Outcomes: a 5xx reply to the message (MAIL FROM, RCPT TO, DATA) is <see cref="EmailSendResult.Permanent"/>; a 4xx reply, a network error or a timeout is
/// <see cref="EmailSendResult.Transient"/>. Rejected credentials and a missing STARTTLS are Transient too: the message is
/// fine, the settings are not, and once they are fixed the retried message goes out (after the queue's delivery
/// count it dead-letters instead, where it can be resubmitted). Reasons and logs never carry the server's reply
/// text, which often echoes the recipient's address.
/// </remarks>
internal sealed partial class SmtpEmailSender(IOptions<SmtpEmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly SmtpEmailOptions _options = options.Value;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = MimeMessageFactory.Create(message);
        // Logged instead of the Message-Id, whose domain part looks like an address to log scrubbers.
        var emailId = MimeMessageFactory.MessageIdFor(message).Split('@')[0];
        var server = $"{_options.Host}:{_options.Port}";
        var started = Stopwatch.GetTimestamp();
        var delivering = false;
        using var client = new SmtpClient { Timeout = checked(_options.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, SocketOptions(_options.SecurityMode), cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
            }
            delivering = true;
            var response = await client.SendAsync(mime, cancellationToken);
            await DisconnectQuietlyAsync(client);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogSent(logger, emailId, message.To.Count, message.Attachments.Count, elapsed.TotalMilliseconds);
            return new EmailSendResult.Sent(QueueId(response));
        }
        catch (SmtpCommandException ex) when (delivering && (int)ex.StatusCode >= 500)
        {
            var reason = $"The SMTP server {server} refused the message: {Describe(ex)}.";
            LogRejected(logger, emailId, (int)ex.StatusCode, ex.ErrorCode);
            return new EmailSendResult.Permanent(reason);
        }
        catch (SmtpCommandException ex)
        {
            // 4xx, or a 5xx before the message was offered (greeting, EHLO): the message is not what was refused.
            LogDeferred(logger, emailId, (int)ex.StatusCode, ex.ErrorCode);
            return new EmailSendResult.Transient(
                delivering ? $"The SMTP server {server} deferred the message: {Describe(ex)}." : $"The SMTP server {server} refused the session: {Describe(ex)}.",
                null);
        }
        catch (AuthenticationException)
        {
            LogSettingsProblem(logger, server, "rejected the credentials");
            return new EmailSendResult.Transient(
                $"The SMTP server {server} rejected the credentials: check Email:Smtp:UserName and Email:Smtp:Password.", null);
        }
        catch (ServiceNotAuthenticatedException)
        {
            LogSettingsProblem(logger, server, "requires authentication");
            return new EmailSendResult.Transient(
                $"The SMTP server {server} requires authentication: set Email:Smtp:UserName and Email:Smtp:Password.", null);
        }
        catch (NotSupportedException ex) when (delivering)
        {
            // SmtpClient throws this before sending when the message needs SMTPUTF8 or 8BITMIME and the server lacks it.
            LogUnsupported(logger, ex, emailId);
            return new EmailSendResult.Permanent($"The SMTP server {server} cannot carry this message: it needs an extension (such as SMTPUTF8) the server does not offer.");
        }
        catch (NotSupportedException)
        {
            LogSettingsProblem(logger, server, "does not offer what the settings ask for (STARTTLS or authentication)");
            return new EmailSendResult.Transient(
                $"The SMTP server {server} does not offer what Email:Smtp:Security or Email:Smtp:UserName ask for (STARTTLS or authentication).", null);
        }
        catch (SslHandshakeException ex)
        {
            LogUnreachable(logger, ex, server);
            return new EmailSendResult.Transient(
                $"The TLS handshake with the SMTP server {server} failed: check Email:Smtp:Security and Email:Smtp:Port.", null);
        }
        catch (SocketException ex)
        {
            LogUnreachable(logger, ex, server);
            return new EmailSendResult.Transient($"Could not connect to the SMTP server {server} ({ex.SocketErrorCode}).", null);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, ex, server);
            return new EmailSendResult.Transient($"The SMTP server {server} did not answer within {_options.TimeoutSeconds} s.", null);
        }
        catch (Exception ex) when (ex is IOException or ProtocolException)
        {
            LogUnreachable(logger, ex, server);
            return new EmailSendResult.Transient($"The connection to the SMTP server {server} failed ({ex.GetType().Name}).", null);
        }
    }

    /// <summary>The server's queue id from its final reply, when it gives one ("250 2.0.0 Ok: queued as 4XyZ" from Postfix and most others).</summary>
    internal static string? QueueId(string? response)
    {
        if (string.IsNullOrEmpty(response))
        {
            return null;
        }
        var match = QueuedAs().Match(response);
        return match.Success ? match.Groups["id"].Value : null;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };

    /// <summary>The reply code and MailKit's classification; never the reply text, which may quote an address.</summary>
    private static string Describe(SmtpCommandException ex)
    {
        var stage = ex.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => "a recipient was not accepted",
            SmtpErrorCode.SenderNotAccepted => "the sender (Email:From) was not accepted",
            SmtpErrorCode.MessageNotAccepted => "the message was not accepted",
            _ => "the command failed",
        };
        return $"{(int)ex.StatusCode} {ex.StatusCode}, {stage}";
    }

    /// <summary>QUIT after the server took the message; not cancellable, so that a stop request cannot turn a sent message into a failure (and a duplicate on retry).</summary>
    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or TimeoutException)
        {
            // The message was accepted (250 after DATA); a failed QUIT does not change that.
        }
    }

    [GeneratedRegex(@"queued as\s+<?(?<id>[^\s<>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex QueuedAs();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Email {EmailId} sent over SMTP to {RecipientCount} recipients with {AttachmentCount} attachments in {ElapsedMs:0} ms")]
    private static partial void LogSent(ILogger logger, string emailId, int recipientCount, int attachmentCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} was refused by the SMTP server with {StatusCode} ({ErrorCode}): permanent failure")]
    private static partial void LogRejected(ILogger logger, string emailId, int statusCode, SmtpErrorCode errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} was not accepted by the SMTP server now: {StatusCode} ({ErrorCode}), transient failure")]
    private static partial void LogDeferred(ILogger logger, string emailId, int statusCode, SmtpErrorCode errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMTP server {Server} {Problem}: check the Email:Smtp settings")]
    private static partial void LogSettingsProblem(ILogger logger, string server, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} needs an SMTP extension the server does not offer")]
    private static partial void LogUnsupported(ILogger logger, Exception exception, string emailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server {Server} could not be reached or the connection failed: transient failure")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string server);
}
