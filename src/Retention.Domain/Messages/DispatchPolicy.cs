using Retention.Domain.Customers;

namespace Retention.Domain.Messages;

/// <summary>
/// Decides whether a message becomes an email, in this order: a known customer, an address, not suppressed; then, for
/// marketing only, not unsubscribed, consent, and room under the frequency cap. Transactional messages skip the last three.
/// </summary>
public static class DispatchPolicy
{
    /// <param name="message">The message to decide on.</param>
    /// <param name="contact">The customer's contact details, or null when the customer is unknown.</param>
    /// <param name="consent">What the customer told us directly about marketing.</param>
    /// <param name="addressSuppressed">Whether the customer's address is on the suppression list.</param>
    /// <param name="marketingSentInWindow">Marketing emails sent to the customer within the cap's window before now.</param>
    /// <param name="cap">The frequency cap.</param>
    /// <param name="assumeConsentWhenUnknown">Whether silence about consent counts as consent (default false: opt-in).</param>
    public static DispatchDecision Decide(
        RetentionMessage message,
        CustomerContact? contact,
        ConsentRecord consent,
        bool addressSuppressed,
        int marketingSentInWindow,
        FrequencyCap cap,
        bool assumeConsentWhenUnknown)
    {
        if (contact is null)
        {
            return new DispatchDecision.Skip(SkipReason.UnknownCustomer);
        }
        if (contact.Email is not { } email)
        {
            return new DispatchDecision.Skip(SkipReason.NoAddress);
        }
        if (addressSuppressed)
        {
            return new DispatchDecision.Skip(SkipReason.Suppressed);
        }
        if (message.Type.IsMarketing)
        {
            if (consent.UnsubscribedAt is not null)
            {
                return new DispatchDecision.Skip(SkipReason.Unsubscribed);
            }
            if (!consent.AllowsMarketing(contact, assumeConsentWhenUnknown))
            {
                return new DispatchDecision.Skip(SkipReason.NoConsent);
            }
            if (marketingSentInWindow >= cap.MaxMessages)
            {
                return new DispatchDecision.Skip(SkipReason.FrequencyCapped);
            }
        }
        return new DispatchDecision.Send(email.Value, contact.FirstName?.Value, message.Locale ?? contact.Locale?.Value);
    }
}
