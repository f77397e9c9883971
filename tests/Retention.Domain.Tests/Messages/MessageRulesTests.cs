using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Domain.Tests.Messages;

public sealed class MessageRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CouponOffer Coupon = new("THANKS-1", 15m, null, null, T0.AddDays(7));

    private static RetentionMessage Message(MessageType type, MessageData data) =>
        new($"{type.Name}:C-1:x", type, CustomerId.Parse("C-1"), null, T0, data);

    public static TheoryData<string, string> RequiredFields() => new()
    {
        { "thank-you", "$.data.coupon" },
        { "milestone-reward", "$.data.orderCount" },
        { "points-earned", "$.data.points" },
        { "tier-upgrade", "$.data.tier" },
        { "win-back", "$.data.lastPurchaseAt" },
        { "replenishment", "$.data.items" },
        { "coupon-expiring", "$.data.coupon" },
        { "feedback-request", "$.data.orderId" },
        { "points-expiring", "$.data.pointsExpireAt" },
        { "referral-reward", "$.data.coupon" },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Check_EmptyData_NamesTheRequiredField(string type, string path)
    {
        Assert.True(MessageType.TryParse(type, out var messageType));

        Assert.Contains(path, MessageRules.Check(Message(messageType!, MessageData.Empty)).Keys);
    }

    [Fact]
    public void Check_CompleteMessages_HaveNoErrors()
    {
        var full = new MessageData
        {
            OrderId = OrderId.Parse("A-1"),
            Items = [new MessageItem("Tea", 2, "TEA-1")],
            Coupon = Coupon,
            Points = 10,
            PointsBalance = 100,
            Tier = "Gold",
            OrderCount = 5,
            LastPurchaseAt = T0.AddDays(-90),
            PointsExpireAt = T0.AddDays(14),
        };

        Assert.All(MessageType.All, type => Assert.Empty(MessageRules.Check(Message(type, full))));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.01, true)]
    [InlineData(100, true)]
    [InlineData(100.01, false)]
    public void Check_PercentOff_IsMoreThanZeroAndAtMostHundred(decimal percent, bool valid)
    {
        var message = Message(MessageType.ThankYou, new MessageData { Coupon = Coupon with { PercentOff = percent } });

        Assert.Equal(valid, !MessageRules.Check(message).ContainsKey("$.data.coupon.percentOff"));
    }

    [Fact]
    public void Check_CouponWithBothPercentAndAmount_IsRefused()
    {
        var message = Message(MessageType.ThankYou, new MessageData { Coupon = Coupon with { AmountOff = new Money(5m, CurrencyCode.Parse("EUR")) } });

        Assert.Equal("must have exactly one of percentOff and amountOff", MessageRules.Check(message)["$.data.coupon"].Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\u0001b")]
    public void Check_BadMessageIdOrItemName_IsRefused(string text)
    {
        var message = Message(MessageType.Replenishment, new MessageData { Items = [new MessageItem(text, 1, null)] }) with { MessageId = text };

        var errors = MessageRules.Check(message);

        Assert.Contains("$.messageId", errors.Keys);
        Assert.Contains("$.data.items[0].name", errors.Keys);
    }

    [Fact]
    public void Check_TwentyOneItems_IsRefused()
    {
        var message = Message(MessageType.Replenishment, new MessageData { Items = [.. Enumerable.Range(0, 21).Select(i => new MessageItem($"Item {i}", 1, null))] });

        Assert.Contains("$.data.items", MessageRules.Check(message).Keys);
    }

    [Fact]
    public void Types_OnlyPointsAndTierNews_AreTransactional() =>
        Assert.Equal(["points-earned", "tier-upgrade", "points-expiring"], MessageType.All.Where(t => !t.IsMarketing).Select(t => t.Name));
}
