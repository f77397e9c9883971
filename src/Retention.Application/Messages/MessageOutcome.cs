namespace Retention.Application.Messages;

/// <summary>The final state of a message in the send ledger.</summary>
public enum MessageOutcome
{
    /// <summary>The email provider accepted the email.</summary>
    Sent,

    /// <summary>Completed without an email, for a recorded reason (no consent, capped, ...).</summary>
    Skipped,
}
