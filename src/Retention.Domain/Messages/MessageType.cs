using System.Diagnostics.CodeAnalysis;

namespace Retention.Domain.Messages;

/// <summary>
/// The kinds of message we send to customers, by their name in the message contract (<c>docs/messages.md</c>).
/// Only points and tier news are transactional: they report the state of the customer's own loyalty account.
/// Everything that offers a coupon or asks for something is marketing.
/// </summary>
public sealed class MessageType
{
    public static readonly MessageType ThankYou = new("thank-you", MessageCategory.Marketing);
    public static readonly MessageType MilestoneReward = new("milestone-reward", MessageCategory.Marketing);
    public static readonly MessageType PointsEarned = new("points-earned", MessageCategory.Transactional);
    public static readonly MessageType TierUpgrade = new("tier-upgrade", MessageCategory.Transactional);
    public static readonly MessageType WinBack = new("win-back", MessageCategory.Marketing);
    public static readonly MessageType Replenishment = new("replenishment", MessageCategory.Marketing);
    public static readonly MessageType CouponExpiring = new("coupon-expiring", MessageCategory.Marketing);
    public static readonly MessageType FeedbackRequest = new("feedback-request", MessageCategory.Marketing);

    /// <summary>The points balance will expire soon: news about the customer's own account, like points-earned.</summary>
    public static readonly MessageType PointsExpiring = new("points-expiring", MessageCategory.Transactional);

    /// <summary>A friend the customer referred made a first purchase: here is the reward coupon.</summary>
    public static readonly MessageType ReferralReward = new("referral-reward", MessageCategory.Marketing);

    public static readonly IReadOnlyList<MessageType> All =
        [ThankYou, MilestoneReward, PointsEarned, TierUpgrade, WinBack, Replenishment, CouponExpiring, FeedbackRequest, PointsExpiring, ReferralReward];

    private MessageType(string name, MessageCategory category)
    {
        Name = name;
        Category = category;
    }

    /// <summary>The name in the contract, such as <c>win-back</c>.</summary>
    public string Name { get; }

    public MessageCategory Category { get; }

    public bool IsMarketing => Category == MessageCategory.Marketing;

    /// <summary>Finds a type by its contract name (exact, case-sensitive).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out MessageType? type)
    {
        type = All.FirstOrDefault(t => t.Name == name);
        return type is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
