using Retention.Application.Email;

namespace Retention.Application.Ports;

/// <summary>
/// Sends one email. Adapters: SMTP through MailKit (any SMTP server, including the ACS SMTP relay) and the Azure
/// Communication Services REST API. Expected failures are results, not exceptions; only bugs throw.
/// </summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
