namespace Retention.Application.Email;

/// <summary>What the email provider said.</summary>
public abstract record EmailSendResult
{
    private EmailSendResult()
    {
    }

    /// <summary>Accepted for delivery. <paramref name="ProviderMessageId"/> is the provider's id (ACS operation id, SMTP queue id) when it gives one.</summary>
    public sealed record Sent(string? ProviderMessageId) : EmailSendResult;

    /// <summary>Not sent this time, worth retrying later (rate limit, outage, timeout). <paramref name="RetryAfter"/> when the provider said.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter) : EmailSendResult;

    /// <summary>Will never be sent as it is (rejected address, bad request, forbidden): do not retry.</summary>
    public sealed record Permanent(string Reason) : EmailSendResult;
}
