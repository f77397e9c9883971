using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
                AddAcs(services, configuration);
                break;
            case "none":
                services.AddSingleton<IEmailSender, NoEmailSender>();
                break;
            default:
                throw new InvalidOperationException($"{ProviderSetting} '{configuration[ProviderSetting]}' is not one of: smtp, acs, none.");
        }
        return services;
    }

    /// <summary>
    /// The ACS REST sender (<see cref="AcsEmailSender"/>) with its options under <c>Email:Acs</c>. With <c>Email:Acs:Endpoint</c>
    /// it uses the app's <see cref="TokenCredential"/> when one is registered, else DefaultAzureCredential.
    /// </summary>
    private static void AddAcs(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AcsEmailOptions>()
            .Bind(configuration.GetSection(AcsEmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // The sender applies Email:Acs:RequestTimeout per attempt; HttpClient's own 100 s default must not cut it shorter.
        services.AddHttpClient(AcsEmailSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<IEmailSender>(sp => AcsEmailSender.Create(
            sp.GetRequiredService<IOptions<AcsEmailOptions>>().Value,
            sp.GetService<TokenCredential>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AcsEmailSender>>()));
    }

    /// <summary>The sender for <c>Email:Provider=none</c>.</summary>
    private sealed class NoEmailSender : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<EmailSendResult>(new EmailSendResult.Permanent("Email:Provider is none: email sending is switched off."));
    }
}
