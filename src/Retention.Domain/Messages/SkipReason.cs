namespace Retention.Domain.Messages;

/// <summary>Why a message was completed without an email. The names are stored in the send ledger and shown by the CLI.</summary>
public static class SkipReason
{
    /// <summary>No purchase of this customer was ever recorded.</summary>
    public const string UnknownCustomer = "unknown-customer";

    /// <summary>We hold no email address for the customer (never given, or erased).</summary>
    public const string NoAddress = "no-address";

    /// <summary>The address is on the suppression list (bounced, complained, blocked by the store): no email of any kind.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>The customer unsubscribed from marketing email.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The customer never agreed to marketing email, or withdrew consent.</summary>
    public const string NoConsent = "no-consent";

    /// <summary>The customer already got the most marketing emails the frequency cap allows.</summary>
    public const string FrequencyCapped = "frequency-capped";
}
