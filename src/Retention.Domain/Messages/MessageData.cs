using System.Collections.Immutable;
using Retention.Domain.Orders;

namespace Retention.Domain.Messages;

/// <summary>
/// What a template needs besides the customer: every field is optional in the type, and
/// <see cref="MessageRules.Check"/> says which ones each <see cref="MessageType"/> requires.
/// </summary>
public sealed record MessageData
{
    public static readonly MessageData Empty = new();

    /// <summary>The order the message is about (thank-you, points-earned, feedback-request).</summary>
    public OrderId? OrderId { get; init; }

    public ImmutableArray<MessageItem> Items { get; init; } = [];
    public CouponOffer? Coupon { get; init; }

    /// <summary>Points earned by the order (points-earned), 1 or more.</summary>
    public long? Points { get; init; }

    /// <summary>The customer's points balance after the event, 0 or more.</summary>
    public long? PointsBalance { get; init; }

    /// <summary>When the points balance expires unless the customer buys before (points-expiring).</summary>
    public DateTimeOffset? PointsExpireAt { get; init; }

    /// <summary>The customer's tier name as the store calls it (tier-upgrade: the new tier).</summary>
    public string? Tier { get; init; }

    public string? PreviousTier { get; init; }

    /// <summary>How many counted orders the customer has made (milestone-reward), 1 or more.</summary>
    public int? OrderCount { get; init; }

    /// <summary>When the customer last bought (win-back).</summary>
    public DateTimeOffset? LastPurchaseAt { get; init; }

    /// <summary>When the customer will probably run out (replenishment).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Where the customer leaves a review (feedback-request); the shop address when absent.</summary>
    public Uri? ReviewUrl { get; init; }
}
