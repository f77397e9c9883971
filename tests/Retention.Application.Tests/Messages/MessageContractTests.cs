using System.Text;
using Retention.Application.Messages;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Application.Tests.Messages;

public sealed class MessageContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 15, 0, TimeSpan.FromHours(5.5));

    private static RetentionMessage Full(MessageType type) => new(
        $"{type.Name}:C-42:A-1001", type, CustomerId.Parse("C-42"), LocaleTag.Parse("hi-IN"), T0,
        new MessageData
        {
            OrderId = OrderId.Parse("A-1001"),
            Items = [new MessageItem("Masala chai 250 g", 2, "TEA-CHAI-250"), new MessageItem("Mug", 1, null)],
            Coupon = new CouponOffer("FIVE-9XW3", null, new Money(100m, CurrencyCode.Parse("INR")), new Money(1000m, CurrencyCode.Parse("INR")), T0.AddDays(30)),
            Points = 120,
            PointsBalance = 860,
            Tier = "Gold",
            PreviousTier = "Silver",
            OrderCount = 5,
            LastPurchaseAt = T0.AddDays(-120),
            DueAt = T0.AddDays(4),
            PointsExpireAt = T0.AddDays(20),
            ReviewUrl = new Uri("https://shop.example/reviews/A-1001"),
        });

    public static TheoryData<string> Types() => [.. MessageType.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Types))]
    public void SerializeThenParse_EveryType_GivesTheSameMessage(string type)
    {
        Assert.True(MessageType.TryParse(type, out var messageType));
        var message = Full(messageType!);

        Assert.True(MessageContract.TryParse(MessageContract.Serialize(message), out var parsed, out var rejection), rejection?.Description);

        Assert.Equal(message with { Data = MessageData.Empty }, parsed! with { Data = MessageData.Empty });
        Assert.Equal(message.Data.Items.AsEnumerable(), parsed.Data.Items.AsEnumerable());
        Assert.Equal(message.Data.Coupon, parsed.Data.Coupon);
        Assert.Equal(message.Data with { Items = [] }, parsed.Data with { Items = [] });
    }

    [Fact]
    public void Parse_TheDocumentedThankYouExample_Works()
    {
        const string json = """
            {"schemaVersion":1,"messageId":"thank-you:C-42:A-1001","type":"thank-you","customerId":"C-42","locale":"hi-IN",
             "createdAt":"2026-11-24T10:15:00Z",
             "data":{"orderId":"A-1001","items":[{"name":"Masala chai 250 g","quantity":2,"sku":"TEA-CHAI-250"}],
                     "coupon":{"code":"THANKS-7KQ2","percentOff":15,"expiresAt":"2026-12-01T23:59:59+05:30"}}}
            """;

        Assert.True(MessageContract.TryParse(Encoding.UTF8.GetBytes(json), out var message, out _));

        Assert.Equal(15m, message!.Data.Coupon!.PercentOff);
        Assert.Equal("Masala chai 250 g", message.Data.Items.Single().Name);
    }

    [Theory]
    [InlineData("not json", MessageRejection.InvalidJson, "")]
    [InlineData("[]", MessageRejection.InvalidMessage, "$ must be a JSON object")]
    [InlineData("""{"messageId":"m","type":"thank-you"}""", MessageRejection.InvalidMessage, "$.schemaVersion is required")]
    [InlineData("""{"schemaVersion":2,"messageId":"m","type":"thank-you","customerId":"C","createdAt":"2026-11-24T10:15:00Z"}""", MessageRejection.UnsupportedSchemaVersion, "$.schemaVersion is 2")]
    [InlineData("""{"schemaVersion":1,"messageId":"m","type":"birthday","customerId":"C","createdAt":"2026-11-24T10:15:00Z"}""", MessageRejection.UnknownType, "$.type 'birthday' is not one of")]
    [InlineData("""{"schemaVersion":1,"messageId":"m","type":"thank-you","customerId":"C","createdAt":"2026-11-24T10:15:00Z"}""", MessageRejection.InvalidMessage, "$.data.coupon is required for thank-you")]
    [InlineData("""{"schemaVersion":1,"messageId":"m","type":"win-back","customerId":"C","createdAt":"2026-11-24 10:15"}""", MessageRejection.InvalidMessage, "$.createdAt must be an ISO 8601 time")]
    [InlineData("""{"schemaVersion":1,"messageId":"m","type":"points-earned","customerId":"C","createdAt":"2026-11-24T10:15:00Z","data":{"points":"ten","pointsBalance":1}}""", MessageRejection.InvalidMessage, "$.data.points must be a whole number")]
    [InlineData("""{"schemaVersion":1,"messageId":"m","type":"thank-you","customerId":"C","createdAt":"2026-11-24T10:15:00Z","data":{"coupon":{"code":"X","amountOff":5,"expiresAt":"2026-12-01T00:00:00Z"}}}""", MessageRejection.InvalidMessage, "$.data.coupon.currency is required")]
    [InlineData("""{"schemaVersion":1,"messageId":"m","type":"win-back","customerId":"","createdAt":"2026-11-24T10:15:00Z"}""", MessageRejection.InvalidMessage, "$.customerId")]
    public void Parse_BadBody_IsRejectedWithReasonAndField(string json, string reason, string description)
    {
        Assert.False(MessageContract.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var rejection));

        Assert.Null(message);
        Assert.Equal(reason, rejection!.Reason);
        Assert.Contains(description, rejection.Description, StringComparison.Ordinal);
    }
}
