using Retention.Domain.Orders;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Orders;

public sealed class OrderCancelTests
{
    private static readonly DateTimeOffset Now = Sample.Now;

    [Fact]
    public void Cancel_LiveOrder_AcceptedAndNoLongerCounted()
    {
        var order = Sample.Order("100.00");
        var cancelledAt = Sample.At("2024-03-01T08:30:00-03:00");

        var accepted = Assert.IsType<CancelDecision.Accepted>(order.Cancel(new CancelRequest(cancelledAt, "fraud"), Now));

        Assert.Equal(new Cancellation(cancelledAt, "fraud", Now), accepted.Cancellation);
        Assert.Same(accepted.Cancellation, accepted.Order.Cancellation);
        Assert.True(accepted.Order.IsCancelled);
        Assert.False(accepted.Order.IsCounted);
        Assert.Equal(Sample.Money("0.00"), accepted.Order.Remaining);
        Assert.Equal(Sample.Money("0.00"), accepted.Order.NetTotal);
        Assert.False(order.IsCancelled);
    }

    [Fact]
    public void Cancel_WithoutCancelledAt_UsesTheServerClock()
    {
        var accepted = Assert.IsType<CancelDecision.Accepted>(Sample.Order().Cancel(new CancelRequest(null, null), Now));

        Assert.Equal(new Cancellation(Now, null, Now), accepted.Cancellation);
    }

    [Fact]
    public void Cancel_Twice_SecondReturnsTheFirstCancellation()
    {
        var first = Assert.IsType<CancelDecision.Accepted>(Sample.Order().Cancel(new CancelRequest(null, "first"), Now));

        var second = first.Order.Cancel(new CancelRequest(Now.AddMinutes(-1), "second"), Now.AddHours(1));

        Assert.Equal(new CancelDecision.AlreadyCancelled(first.Cancellation), second);
    }

    // The purchase was at 2024-02-29T10:00:00+01:00 (09:00 UTC); now is 2024-03-01T12:00:00Z.
    [Theory]
    [InlineData("2024-02-29T09:00:00Z", null)]
    [InlineData("2024-02-29T01:00:00-08:00", null)]
    [InlineData("2024-03-01T12:05:00Z", null)]
    [InlineData("2024-03-01T14:05:00+02:00", null)]
    [InlineData("2024-02-29T08:59:59.9999999Z", "must not be before the purchase")]
    [InlineData("2024-02-29T09:30:00+01:00", "must not be before the purchase")]
    [InlineData("2024-03-01T12:05:00.0000001Z", "must not be more than 5 minutes in the future")]
    public void Cancel_CancelledAt_CheckedAgainstPurchaseAndClock(string cancelledAt, string? reason)
    {
        var decision = Sample.Order().Cancel(new CancelRequest(Sample.At(cancelledAt), null), Now);

        if (reason is null)
        {
            Assert.IsType<CancelDecision.Accepted>(decision);
        }
        else
        {
            Assert.Equal(new CancelDecision.Invalid("cancelledAt", new FieldError(reason)), decision);
        }
    }

    [Fact]
    public void Cancel_AfterPartialRefund_NetTotalZeroRefundsKept()
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "30.00").Cancelled();

        Assert.Equal(Sample.Money("30.00"), order.Refunded);
        Assert.Equal(Sample.Money("0.00"), order.NetTotal);
        Assert.False(order.IsCounted);
    }

    [Fact]
    public void Cancel_AfterFullRefund_Accepted()
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "100.00");

        var decision = order.Cancel(new CancelRequest(null, null), Now);

        Assert.IsType<CancelDecision.Accepted>(decision);
    }
}
