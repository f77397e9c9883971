using Retention.Domain.Customers;
using Retention.Domain.Orders;

namespace Retention.Domain.Tests;

/// <summary>Order, customer and refund ids share one rule set; each type is checked against the same table.</summary>
public sealed class IdentifierTests
{
    private const string Required = "is required and must not be empty";
    private const string ControlCharacters = "must not contain control characters";
    private const string WhiteSpace = "must not start or end with white space";

    public static TheoryData<string?, string> InvalidIds => new()
    {
        { null, Required },
        { "", Required },
        { new string('a', 129), "must be at most 128 characters (got 129)" },
        { new string(' ', 200), "must be at most 128 characters (got 200)" },
        { "order\n1", ControlCharacters },
        { "order\u00001", ControlCharacters },
        { "order-1\u007F", ControlCharacters },
        { "\torder-1", ControlCharacters },
        { "order-1\r\n", ControlCharacters },
        { " order-1", WhiteSpace },
        { "order-1 ", WhiteSpace },
        { " ", WhiteSpace },
        { "\u00A0order-1", WhiteSpace },
        { "order-1\u3000", WhiteSpace },
    };

    public static TheoryData<string> ValidIds => new()
    {
        "a",
        "1",
        new string('a', 128),
        "order 1",
        "ORD-2024/02/29#17",
        "Bestellung-ä-€",
        "🛒-42",
        "gid://shopify/Order/5012345678901",
    };

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void OrderIdTryParse_InvalidValue_FailsWithReason(string? value, string reason)
    {
        var ok = OrderId.TryParse(value, out var id, out var error);

        Assert.False(ok);
        Assert.Equal(default, id);
        Assert.Equal(reason, error?.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void CustomerIdTryParse_InvalidValue_FailsWithReason(string? value, string reason)
    {
        var ok = CustomerId.TryParse(value, out var id, out var error);

        Assert.False(ok);
        Assert.Equal(default, id);
        Assert.Equal(reason, error?.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void RefundIdTryParse_InvalidValue_FailsWithReason(string? value, string reason)
    {
        var ok = RefundId.TryParse(value, out var id, out var error);

        Assert.False(ok);
        Assert.Equal(default, id);
        Assert.Equal(reason, error?.Reason);
    }

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void TryParse_ValidValue_KeepsValueExactly(string value)
    {
        Assert.True(OrderId.TryParse(value, out var orderId, out var orderError));
        Assert.True(CustomerId.TryParse(value, out var customerId, out var customerError));
        Assert.True(RefundId.TryParse(value, out var refundId, out var refundError));

        Assert.Null(orderError);
        Assert.Null(customerError);
        Assert.Null(refundError);
        Assert.Equal(value, orderId.Value);
        Assert.Equal(value, customerId.Value);
        Assert.Equal(value, refundId.Value);
        Assert.Equal(value, orderId.ToString());
    }

    [Fact]
    public void Parse_DifferentCase_IsADifferentId()
    {
        Assert.NotEqual(OrderId.Parse("order-a"), OrderId.Parse("ORDER-A"));
        Assert.NotEqual(CustomerId.Parse("c-a"), CustomerId.Parse("C-A"));
        Assert.Equal(RefundId.Parse("r-1"), RefundId.Parse("r-1"));
    }

    [Fact]
    public void Parse_InvalidValue_ThrowsFormatExceptionNamingTheKind()
    {
        Assert.Equal("Order id is required and must not be empty.", Assert.Throws<FormatException>(() => OrderId.Parse("")).Message);
        Assert.Equal("Customer id must not start or end with white space.", Assert.Throws<FormatException>(() => CustomerId.Parse(" c")).Message);
        Assert.Equal("Refund id must not contain control characters.", Assert.Throws<FormatException>(() => RefundId.Parse("r\n")).Message);
    }

    [Fact]
    public void ToString_DefaultId_IsEmpty()
    {
        Assert.Equal("", default(OrderId).ToString());
        Assert.Equal("", default(CustomerId).ToString());
        Assert.Equal("", default(RefundId).ToString());
    }
}
