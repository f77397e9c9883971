using Retention.Domain.Customers;

namespace Retention.Domain.Messages;

/// <summary>What makes a message complete enough to render: the fields each type requires, and the limits of every field.</summary>
public static class MessageRules
{
    public const int MaxMessageIdLength = 128;
    public const int MaxItems = 20;
    public const int MaxTextLength = 200;

    /// <summary>
    /// The problems of <paramref name="message"/>, keyed by the JSON path of the field in the contract
    /// (<c>$.data.coupon</c>); empty when it can be rendered.
    /// </summary>
    public static IReadOnlyDictionary<string, FieldError> Check(RetentionMessage message)
    {
        var errors = new Dictionary<string, FieldError>(StringComparer.Ordinal);
        var data = message.Data;
        if (string.IsNullOrWhiteSpace(message.MessageId) || message.MessageId.Length > MaxMessageIdLength || message.MessageId.Any(char.IsControl))
        {
            errors["$.messageId"] = new FieldError($"must be 1 to {MaxMessageIdLength} characters without control characters");
        }
        var type = message.Type;
        if (type == MessageType.ThankYou || type == MessageType.MilestoneReward || type == MessageType.CouponExpiring || type == MessageType.ReferralReward)
        {
            Require(errors, "$.data.coupon", data.Coupon is not null, "is required for " + type.Name);
        }
        if (type == MessageType.MilestoneReward)
        {
            Require(errors, "$.data.orderCount", data.OrderCount is not null, "is required for " + type.Name);
        }
        if (type == MessageType.PointsEarned)
        {
            Require(errors, "$.data.points", data.Points is not null, "is required for " + type.Name);
            Require(errors, "$.data.pointsBalance", data.PointsBalance is not null, "is required for " + type.Name);
        }
        if (type == MessageType.PointsExpiring)
        {
            Require(errors, "$.data.pointsBalance", data.PointsBalance is not null, "is required for " + type.Name);
            Require(errors, "$.data.pointsExpireAt", data.PointsExpireAt is not null, "is required for " + type.Name);
        }
        if (type == MessageType.TierUpgrade)
        {
            Require(errors, "$.data.tier", data.Tier is not null, "is required for " + type.Name);
        }
        if (type == MessageType.WinBack)
        {
            Require(errors, "$.data.lastPurchaseAt", data.LastPurchaseAt is not null, "is required for " + type.Name);
        }
        if (type == MessageType.Replenishment)
        {
            Require(errors, "$.data.items", data.Items.Length > 0, "must name at least one item for " + type.Name);
        }
        if (type == MessageType.FeedbackRequest)
        {
            Require(errors, "$.data.orderId", data.OrderId is not null, "is required for " + type.Name);
        }
        CheckRanges(errors, data);
        return errors;
    }

    private static void CheckRanges(Dictionary<string, FieldError> errors, MessageData data)
    {
        if (data.Items.Length > MaxItems)
        {
            errors["$.data.items"] = new FieldError($"must have at most {MaxItems} items");
        }
        for (var i = 0; i < Math.Min(data.Items.Length, MaxItems); i++)
        {
            var item = data.Items[i];
            Require(errors, $"$.data.items[{i}].name", IsText(item.Name), $"must be 1 to {MaxTextLength} characters without control characters");
            Require(errors, $"$.data.items[{i}].quantity", item.Quantity >= 1, "must be 1 or more");
        }
        if (data.Coupon is { } coupon)
        {
            Require(errors, "$.data.coupon.code", IsText(coupon.Code), $"must be 1 to {MaxTextLength} characters without control characters");
            Require(errors, "$.data.coupon", (coupon.PercentOff is null) != (coupon.AmountOff is null), "must have exactly one of percentOff and amountOff");
            Require(errors, "$.data.coupon.percentOff", coupon.PercentOff is not { } p || (p > 0 && p <= 100), "must be more than 0 and at most 100");
            Require(errors, "$.data.coupon.amountOff", coupon.AmountOff is not { } a || a.Amount > 0, "must be more than 0");
            Require(errors, "$.data.coupon.minimumSpend", coupon.MinimumSpend is not { } m || m.Amount >= 0, "must be 0 or more");
        }
        Require(errors, "$.data.points", data.Points is not { } points || points >= 1, "must be 1 or more");
        Require(errors, "$.data.pointsBalance", data.PointsBalance is not { } balance || balance >= 0, "must be 0 or more");
        Require(errors, "$.data.orderCount", data.OrderCount is not { } count || count >= 1, "must be 1 or more");
        Require(errors, "$.data.tier", data.Tier is null || IsText(data.Tier), $"must be 1 to {MaxTextLength} characters without control characters");
        Require(errors, "$.data.previousTier", data.PreviousTier is null || IsText(data.PreviousTier), $"must be 1 to {MaxTextLength} characters without control characters");
        Require(errors, "$.data.reviewUrl", data.ReviewUrl is not { } url || url.Scheme is "https" or "http", "must be an absolute http or https address");
    }

    private static bool IsText(string value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxTextLength && !value.Any(char.IsControl);

    private static void Require(Dictionary<string, FieldError> errors, string path, bool ok, string reason)
    {
        if (!ok)
        {
            errors.TryAdd(path, new FieldError(reason));
        }
    }
}
