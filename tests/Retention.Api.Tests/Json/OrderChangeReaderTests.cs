using System.Globalization;
using Retention.Api.Json;
using Retention.Api.Tests.Support;
using Retention.Domain.Orders;

namespace Retention.Api.Tests.Json;

public sealed class OrderChangeReaderTests
{
    private const string NotADecimal = "must be a number such as 12.50, or a string holding one (no exponent)";
    private const string NotAnInstant = "must be an ISO 8601 date and time with an offset, such as 2026-11-24T10:15:00Z or 2026-11-24T11:15:00+01:00";
    private const string BadReason = "must be at most 500 characters without control characters";

    [Fact]
    public void ReadRefund_AllFields_Read()
    {
        var (request, errors) = Read.Refund("""{"refundId":"refund-1","amount":"12.50","refundedAt":"2024-03-01T10:00:00+01:00","reason":"damaged"}""");

        Assert.Empty(errors);
        Assert.Equal(new RefundRequest(RefundId.Parse("refund-1"), 12.50m, Read.At("2024-03-01T09:00:00Z"), "damaged"), request);
        Assert.Equal(TimeSpan.FromHours(1), request?.RefundedAt?.Offset);
    }

    [Fact]
    public void ReadRefund_OnlyRequiredFields_TimeAndReasonLeftOut()
    {
        var (request, errors) = Read.Refund("""{"refundId":"refund-1","amount":5}""");

        Assert.Empty(errors);
        Assert.Equal(new RefundRequest(RefundId.Parse("refund-1"), 5m, null, null), request);
    }

    [Fact]
    public void ReadRefund_NegativeAmount_LeftToTheDomain()
    {
        var (request, errors) = Read.Refund("""{"refundId":"refund-1","amount":"-5.00"}""");

        Assert.Empty(errors);
        Assert.Equal(-5m, request?.Amount);
    }

    [Fact]
    public void ReadRefund_EmptyObject_ReportsRequiredFields()
    {
        var (request, errors) = Read.Refund("{}");

        Assert.Null(request);
        Assert.Equal(new Dictionary<string, string[]> { ["$.refundId"] = ["is required"], ["$.amount"] = ["is required"] }, errors);
    }

    [Fact]
    public void ReadRefund_EveryFieldInvalid_ListsThemAll()
    {
        var json = $$"""{"refundId":"","amount":"1e2","refundedAt":"2024-03-01T10:00:00","reason":"{{new string('r', 501)}}"}""";

        var (request, errors) = Read.Refund(json);

        Assert.Null(request);
        var expected = new Dictionary<string, string[]>
        {
            ["$.refundId"] = ["is required and must not be empty"],
            ["$.amount"] = [NotADecimal],
            ["$.refundedAt"] = [NotAnInstant],
            ["$.reason"] = [BadReason],
        };
        Assert.Equal(expected, errors);
    }

    [Theory]
    [InlineData("1e400", "is out of range for a decimal amount")]
    [InlineData("\"1E2\"", NotADecimal)]
    [InlineData("\"ten\"", NotADecimal)]
    [InlineData("true", "must be a number")]
    public void ReadRefund_InvalidAmount_ReportsAmount(string rawAmount, string reason)
    {
        var (request, errors) = Read.Refund($$"""{"refundId":"refund-1","amount":{{rawAmount}}}""");

        Assert.Null(request);
        Assert.Equal(new Dictionary<string, string[]> { ["$.amount"] = [reason] }, errors);
    }

    [Theory]
    [InlineData("\"12.50\"", "12.50")]
    [InlineData("12.5", "12.5")]
    [InlineData("1e1", "10")]
    public void ReadRefund_AmountAsNumberOrString_Read(string rawAmount, string expected)
    {
        var (request, errors) = Read.Refund($$"""{"refundId":"refund-1","amount":{{rawAmount}}}""");

        Assert.Empty(errors);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), request?.Amount);
    }

    [Theory]
    [InlineData("\"a\\nb\"", BadReason)]
    [InlineData("\"a\\u0000b\"", BadReason)]
    [InlineData("42", "must be a string")]
    public void ReadRefund_InvalidReason_ReportsReason(string rawReason, string reason)
    {
        var (_, errors) = Read.Refund($$"""{"refundId":"refund-1","amount":1,"reason":{{rawReason}}}""");

        Assert.Equal(new Dictionary<string, string[]> { ["$.reason"] = [reason] }, errors);
    }

    [Fact]
    public void ReadRefund_ReasonOf500Characters_Accepted()
    {
        var (request, errors) = Read.Refund($$"""{"refundId":"refund-1","amount":1,"reason":"{{new string('r', 500)}}"}""");

        Assert.Empty(errors);
        Assert.Equal(500, request?.Reason?.Length);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"refund-1\"")]
    public void ReadRefund_NotAnObject_ReportsTheRoot(string json)
    {
        var (request, errors) = Read.Refund(json);

        Assert.Null(request);
        Assert.Equal(new Dictionary<string, string[]> { ["$"] = ["must be a JSON object"] }, errors);
    }

    [Fact]
    public void ReadCancel_NoBody_CancelledNowWithoutReason()
    {
        var (request, errors) = Read.Cancel(null);

        Assert.Empty(errors);
        Assert.Equal(new CancelRequest(null, null), request);
    }

    [Fact]
    public void ReadCancel_EmptyObject_CancelledNowWithoutReason()
    {
        var (request, errors) = Read.Cancel("{}");

        Assert.Empty(errors);
        Assert.Equal(new CancelRequest(null, null), request);
    }

    [Fact]
    public void ReadCancel_AllFields_Read()
    {
        var (request, errors) = Read.Cancel("""{"cancelledAt":"2024-02-29T23:30:00-05:00","reason":"fraud"}""");

        Assert.Empty(errors);
        Assert.Equal(new CancelRequest(Read.At("2024-03-01T04:30:00Z"), "fraud"), request);
    }

    [Fact]
    public void ReadCancel_InvalidFields_ListsThemAll()
    {
        var (request, errors) = Read.Cancel("""{"cancelledAt":"2024-02-29","reason":7}""");

        Assert.Null(request);
        Assert.Equal(new Dictionary<string, string[]> { ["$.cancelledAt"] = [NotAnInstant], ["$.reason"] = ["must be a string"] }, errors);
    }

    [Fact]
    public void ReadCancel_NotAnObject_ReportsTheRoot()
    {
        var (request, errors) = Read.Cancel("[]");

        Assert.Null(request);
        Assert.Equal(new Dictionary<string, string[]> { ["$"] = ["must be a JSON object"] }, errors);
    }

    [Fact]
    public void ReadOrderId_ValidRouteValue_Read()
    {
        var errors = new ValidationErrors();

        var orderId = OrderChangeReader.ReadOrderId("order-1", errors);

        Assert.Equal(OrderId.Parse("order-1"), orderId);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null, "is required and must not be empty")]
    [InlineData("", "is required and must not be empty")]
    [InlineData(" order-1", "must not start or end with white space")]
    public void ReadOrderId_InvalidRouteValue_ReportedUnderOrderId(string? value, string reason)
    {
        var errors = new ValidationErrors();

        var orderId = OrderChangeReader.ReadOrderId(value, errors);

        Assert.Null(orderId);
        Assert.Equal(new Dictionary<string, string[]> { ["orderId"] = [reason] }, errors.ToDictionary());
    }

    [Fact]
    public void ReadOrderId_129Characters_Rejected()
    {
        var errors = new ValidationErrors();

        OrderChangeReader.ReadOrderId(new string('o', 129), errors);

        Assert.Equal(new Dictionary<string, string[]> { ["orderId"] = ["must be at most 128 characters (got 129)"] }, errors.ToDictionary());
    }
}
