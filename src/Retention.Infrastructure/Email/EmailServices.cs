using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Email;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Registers the email sender chosen by <c>Email:Provider</c>: <c>smtp</c> (default; any SMTP server, including the ACS
/// SMTP relay), <c>acs</c> (Azure Communication Services REST API) or <c>none</c> (nothing is sent; sends are refused
/// as permanent so that nothing is retried). The chosen provider's options are validated at start.
/// </summary>
public static class EmailServices
{
    public const string ProviderSetting = "Email:Provider";

    public static IServiceCollection AddRetentionEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = (configuration[ProviderSetting] ?? "smtp").Trim().ToLowerInvariant();
        switch (provider)
        {
            case "smtp":
                services.AddOptions<SmtpEmailOptions>()
                    .Bind(configuration.GetSection(SmtpEmailOptions.Section))
                    .ValidateDataAnnotations()
                    .ValidateOnStart();
                services.AddSingleton<IEmailSender, SmtpEmailSender>();
                break;
            case "acs":
                // ACS_REGISTRATION: filled in with the ACS REST sender.
                throw new InvalidOperationException("Email:Provider 'acs' is not available in this build.");
            case "none":
                services.AddSingleton<IEmailSender, NoEmailSender>();
                break;
            default:
                throw new InvalidOperationException($"{ProviderSetting} '{configuration[ProviderSetting]}' is not one of: smtp, acs, none.");
        }
        return services;
    }

    /// <summary>The sender for <c>Email:Provider=none</c>.</summary>
    private sealed class NoEmailSender : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<EmailSendResult>(new EmailSendResult.Permanent("Email:Provider is none: email sending is switched off."));
    }
}
