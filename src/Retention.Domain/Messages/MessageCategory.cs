namespace Retention.Domain.Messages;

/// <summary>Whether a message needs marketing consent and counts toward the frequency cap.</summary>
public enum MessageCategory
{
    /// <summary>Promotes a purchase: needs marketing consent, respects unsubscribes and the frequency cap, carries an unsubscribe link.</summary>
    Marketing,

    /// <summary>Tells the customer about their own account (points, tier): sent without marketing consent, exempt from the cap.</summary>
    Transactional,
}
