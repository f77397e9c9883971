using System.ComponentModel.DataAnnotations;
using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Application.Messages;

/// <summary>Settings under <c>Messages</c>: how customer emails are dispatched, capped and unsubscribed from.</summary>
public sealed class MessagesOptions : IValidatableObject
{
    public const string Section = "Messages";

    /// <summary>
    /// Most emails one dispatcher run sends. With a run every minute this is the send rate: keep it at or under the
    /// provider's limit (Azure Communication Services starts at 30 per minute and 100 per hour until raised).
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Messages:BudgetPerRun must be from 1 to 1000 emails per run.")]
    public int BudgetPerRun { get; set; } = 30;

    /// <summary>Most messages one run handles in all (sent, skipped, dead-lettered), so a queue of skips cannot keep a run going.</summary>
    [Range(1, 10000, ErrorMessage = "Messages:MaxMessagesPerRun must be from 1 to 10000.")]
    public int MaxMessagesPerRun { get; set; } = 300;

    /// <summary>Most marketing emails per customer within <see cref="FrequencyCapDays"/>; transactional ones do not count.</summary>
    [Range(1, 100, ErrorMessage = "Messages:FrequencyCapMessages must be from 1 to 100.")]
    public int FrequencyCapMessages { get; set; } = 2;

    [Range(1, 365, ErrorMessage = "Messages:FrequencyCapDays must be from 1 to 365 days.")]
    public int FrequencyCapDays { get; set; } = 7;

    /// <summary>The language for customers whose locale we do not know or do not have templates for.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Messages:DefaultLocale is required, such as en or hi-IN.")]
    public string DefaultLocale { get; set; } = "en";

    /// <summary>Whether a customer who never said anything about marketing email may get it. Off: marketing is opt-in.</summary>
    public bool AssumeConsentWhenUnknown { get; set; }

    /// <summary>The address customers reach the API at, for unsubscribe links (the Function App's https address on Azure).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Messages:PublicBaseUrl is required (where customers reach /api/unsubscribe).")]
    [Url(ErrorMessage = "Messages:PublicBaseUrl must be an absolute address such as https://retention-app.azurewebsites.net.")]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The key that signs unsubscribe links (HMAC-SHA256); at least 32 characters. Changing it invalidates every link already sent.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Messages:UnsubscribeSecret is required (at least 32 characters; it signs unsubscribe links).")]
    [MinLength(32, ErrorMessage = "Messages:UnsubscribeSecret must be at least 32 characters.")]
    public string UnsubscribeSecret { get; set; } = DevelopmentUnsubscribeSecret;

    /// <summary>The default key: public (it is in the source), so the app refuses it on Azure (<c>WEBSITE_SITE_NAME</c> set).</summary>
    public const string DevelopmentUnsubscribeSecret = "local-development-unsubscribe-secret-not-for-production";

    /// <summary>How long an unsubscribe link works, counted from the email.</summary>
    [Range(1, 3650, ErrorMessage = "Messages:UnsubscribeLinkDays must be from 1 to 3650 days.")]
    public int UnsubscribeLinkDays { get; set; } = 365;

    public FrequencyCap FrequencyCap => new(FrequencyCapMessages, TimeSpan.FromDays(FrequencyCapDays));

    public LocaleTag DefaultLocaleTag => LocaleTag.Parse(DefaultLocale);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LocaleTag.TryParse(DefaultLocale, out _, out var error))
        {
            yield return new ValidationResult($"Messages:DefaultLocale '{DefaultLocale}' {error.Reason}.", [nameof(DefaultLocale)]);
        }
        if (MaxMessagesPerRun < BudgetPerRun)
        {
            yield return new ValidationResult("Messages:MaxMessagesPerRun must be at least Messages:BudgetPerRun.", [nameof(MaxMessagesPerRun)]);
        }
        // App Service and Azure Functions set WEBSITE_SITE_NAME; anyone could sign unsubscribe links with the public default.
        if (UnsubscribeSecret == DevelopmentUnsubscribeSecret && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME")))
        {
            yield return new ValidationResult(
                "Messages:UnsubscribeSecret still has its local-development value, which is public; on Azure it must come from Key Vault (infra/main.bicep stores a generated one).",
                [nameof(UnsubscribeSecret)]);
        }
    }
}
