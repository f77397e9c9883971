using Retention.Domain.Idempotency;
using Retention.Domain.Orders;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Orders;

public sealed class OrderRefundTests
{
    private static readonly DateTimeOffset Now = Sample.Now;

    [Fact]
    public void Refund_PartialAmount_AcceptedAndRemainingReduced()
    {
        var order = Sample.Order("100.00");
        var request = Sample.RefundRequest("refund-1", "30.00", Sample.At("2024-03-01T09:00:00+01:00"), "damaged");

        var accepted = Assert.IsType<RefundDecision.Accepted>(order.Refund(request, Now));

        Assert.Equal(new Refund(RefundId.Parse("refund-1"), Sample.Money("30.00"), Sample.At("2024-03-01T08:00:00Z"), "damaged",
            CanonicalForm.Of(order.OrderId, request), Now), accepted.Refund);
        Assert.Equal(accepted.Refund, Assert.Single(accepted.Order.Refunds));
        Assert.Equal(Sample.Money("30.00"), accepted.Order.Refunded);
        Assert.Equal(Sample.Money("70.00"), accepted.Order.Remaining);
        Assert.Equal(Sample.Money("70.00"), accepted.Order.NetTotal);
        Assert.False(accepted.Order.IsFullyRefunded);
        Assert.True(accepted.Order.IsCounted);
        Assert.Empty(order.Refunds);
    }

    [Fact]
    public void Refund_SeveralPartials_AddUp()
    {
        var order = Sample.Order("100.00")
            .Refunded("refund-1", "30")
            .Refunded("refund-2", "20.5")
            .Refunded("refund-3", "0.01");

        Assert.Equal(3, order.Refunds.Length);
        Assert.Equal(Sample.Money("50.51"), order.Refunded);
        Assert.Equal(Sample.Money("49.49"), order.Remaining);
        Assert.True(order.IsCounted);
    }

    [Theory]
    [InlineData("40.00", true)]
    [InlineData("40", true)]
    [InlineData("39.99", true)]
    [InlineData("40.01", false)]
    [InlineData("100.00", false)]
    public void Refund_AfterSixtyOfHundredRefunded_AllowsAtMostTheRemainingForty(string amount, bool accepted)
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "60.00");

        var decision = order.Refund(Sample.RefundRequest("refund-2", amount), Now);

        if (accepted)
        {
            Assert.IsType<RefundDecision.Accepted>(decision);
        }
        else
        {
            Assert.Equal(new RefundDecision.ExceedsRemaining(Sample.Money("40.00")), decision);
        }
    }

    [Fact]
    public void Refund_ExactRemaining_FullyRefundedAndNotCounted()
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "60.00").Refunded("refund-2", "40.00");

        Assert.True(order.IsFullyRefunded);
        Assert.False(order.IsCounted);
        Assert.Equal(Sample.Money("0.00"), order.Remaining);
        Assert.Equal(Sample.Money("0.00"), order.NetTotal);
    }

    [Fact]
    public void Refund_WholeTotalAtOnce_NotCounted()
    {
        var order = Sample.Order("1500", "JPY").Refunded("refund-1", "1500");

        Assert.True(order.IsFullyRefunded);
        Assert.False(order.IsCounted);
    }

    [Fact]
    public void Refund_OneCentOverTheTotal_RejectedWithTheRemaining()
    {
        var order = Sample.Order("100.00");

        var decision = order.Refund(Sample.RefundRequest("refund-1", "100.01"), Now);

        Assert.Equal(new RefundDecision.ExceedsRemaining(Sample.Money("100.00")), decision);
    }

    [Fact]
    public void Refund_AnythingOnceFullyRefunded_RejectedWithZeroRemaining()
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "100.00");

        var decision = order.Refund(Sample.RefundRequest("refund-2", "0.01"), Now);

        Assert.Equal(new RefundDecision.ExceedsRemaining(Sample.Money("0.00")), decision);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-0.01")]
    [InlineData("-100")]
    public void Refund_ZeroOrNegativeAmount_Invalid(string amount)
    {
        var decision = Sample.Order("100.00").Refund(Sample.RefundRequest("refund-1", amount), Now);

        Assert.Equal(new RefundDecision.Invalid("amount", new FieldError("must be more than zero")), decision);
    }

    [Theory]
    [InlineData("100.00", "EUR", "0.001", "has more decimal places than EUR allows (2)")]
    [InlineData("100.00", "EUR", "10.005", "has more decimal places than EUR allows (2)")]
    [InlineData("1000", "JPY", "10.5", "has more decimal places than JPY allows (0)")]
    [InlineData("10.000", "KWD", "1.0005", "has more decimal places than KWD allows (3)")]
    public void Refund_MoreDecimalsThanTheCurrency_Invalid(string total, string currency, string amount, string reason)
    {
        var decision = Sample.Order(total, currency).Refund(Sample.RefundRequest("refund-1", amount), Now);

        Assert.Equal(new RefundDecision.Invalid("amount", new FieldError(reason)), decision);
    }

    [Theory]
    [InlineData("1000", "JPY", "10.00", "10")]
    [InlineData("10.000", "KWD", "1.5", "1.500")]
    public void Refund_TrailingZerosWithinTheCurrency_Accepted(string total, string currency, string amount, string formatted)
    {
        var accepted = Assert.IsType<RefundDecision.Accepted>(Sample.Order(total, currency).Refund(Sample.RefundRequest("refund-1", amount), Now));

        Assert.Equal(formatted, accepted.Refund.Amount.FormatAmount());
        Assert.Equal(currency, accepted.Refund.Amount.Currency.Code);
    }

    // The purchase was at 2024-02-29T10:00:00+01:00, i.e. 09:00 UTC.
    [Theory]
    [InlineData("2024-02-29T09:00:00Z", true)]
    [InlineData("2024-02-29T10:00:00+01:00", true)]
    [InlineData("2024-02-29T04:00:00-05:00", true)]
    [InlineData("2024-02-29T09:30:00+00:00", true)]
    [InlineData("2024-02-29T08:59:59.9999999Z", false)]
    [InlineData("2024-02-29T11:00:00+05:00", false)]
    [InlineData("2024-02-28T23:59:59Z", false)]
    public void Refund_RefundedAtAroundThePurchaseInstant_RejectedOnlyWhenBefore(string refundedAt, bool accepted)
    {
        var decision = Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.00", Sample.At(refundedAt)), Now);

        if (accepted)
        {
            Assert.IsType<RefundDecision.Accepted>(decision);
        }
        else
        {
            Assert.Equal(new RefundDecision.Invalid("refundedAt", new FieldError("must not be before the purchase")), decision);
        }
    }

    // Now is 2024-03-01T12:00:00Z.
    [Theory]
    [InlineData("2024-03-01T12:05:00Z", true)]
    [InlineData("2024-03-01T13:05:00+01:00", true)]
    [InlineData("2024-03-01T12:05:00.0000001Z", false)]
    [InlineData("2024-03-01T13:05:01+01:00", false)]
    [InlineData("2024-03-02T12:00:00Z", false)]
    public void Refund_RefundedAtInTheFuture_AllowsFiveMinutesOfSkew(string refundedAt, bool accepted)
    {
        var decision = Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.00", Sample.At(refundedAt)), Now);

        if (accepted)
        {
            Assert.IsType<RefundDecision.Accepted>(decision);
        }
        else
        {
            Assert.Equal(new RefundDecision.Invalid("refundedAt", new FieldError("must not be more than 5 minutes in the future")), decision);
        }
    }

    [Fact]
    public void Refund_WithoutRefundedAt_UsesTheServerClock()
    {
        var accepted = Assert.IsType<RefundDecision.Accepted>(Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.00"), Now));

        Assert.Equal(Now, accepted.Refund.RefundedAt);
        Assert.Equal(Now, accepted.Refund.RecordedAt);
    }

    [Fact]
    public void Refund_AfterCancel_OrderCancelled()
    {
        var order = Sample.Order().Cancelled();

        var decision = order.Refund(Sample.RefundRequest("refund-1", "10.00"), Now);

        Assert.IsType<RefundDecision.OrderCancelled>(decision);
    }

    [Fact]
    public void Refund_SameRequestAgainLater_ReplaysTheFirstRefund()
    {
        var first = Assert.IsType<RefundDecision.Accepted>(Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.5", reason: "late"), Now));

        var again = first.Order.Refund(Sample.RefundRequest("refund-1", "10.50", reason: "late"), Now.AddHours(3));

        Assert.Equal(new RefundDecision.Replay(first.Refund), again);
    }

    [Fact]
    public void Refund_SameRequestWithTheSameInstantInAnotherOffset_Replays()
    {
        var first = Assert.IsType<RefundDecision.Accepted>(
            Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.00", Sample.At("2024-03-01T10:00:00Z")), Now));

        var again = first.Order.Refund(Sample.RefundRequest("refund-1", "10.00", Sample.At("2024-03-01T05:00:00-05:00")), Now);

        Assert.Equal(new RefundDecision.Replay(first.Refund), again);
    }

    [Fact]
    public void Refund_ReplayAfterTheOrderWasCancelled_StillReplays()
    {
        var first = Assert.IsType<RefundDecision.Accepted>(Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.00"), Now));
        var cancelled = first.Order.Cancelled();

        var again = cancelled.Refund(Sample.RefundRequest("refund-1", "10.00"), Now);

        Assert.Equal(new RefundDecision.Replay(first.Refund), again);
    }

    [Theory]
    [InlineData("10.01", null, null)]
    [InlineData("10.00", "2024-03-01T10:00:00Z", null)]
    [InlineData("10.00", null, "other reason")]
    [InlineData("10.00", null, "")]
    public void Refund_SameRefundIdDifferentRequest_ConflictsWithTheRecordedRefund(string amount, string? refundedAt, string? reason)
    {
        var first = Assert.IsType<RefundDecision.Accepted>(Sample.Order().Refund(Sample.RefundRequest("refund-1", "10.00"), Now));

        var second = first.Order.Refund(Sample.RefundRequest("refund-1", amount, refundedAt is null ? null : Sample.At(refundedAt), reason), Now);

        Assert.Equal(new RefundDecision.Conflict(first.Refund), second);
    }

    [Fact]
    public void Refund_ConflictingRequestThatWouldExceedTheRemaining_IsAConflictNotAnAmountError()
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "100.00");

        var decision = order.Refund(Sample.RefundRequest("refund-1", "5000.00"), Now);

        Assert.IsType<RefundDecision.Conflict>(decision);
    }

    [Fact]
    public void Refund_RefundIdDifferingOnlyInCase_IsANewRefund()
    {
        var order = Sample.Order("100.00").Refunded("refund-a", "10.00");

        var decision = order.Refund(Sample.RefundRequest("REFUND-A", "10.00"), Now);

        var accepted = Assert.IsType<RefundDecision.Accepted>(decision);
        Assert.Equal(Sample.Money("80.00"), accepted.Order.Remaining);
    }

    [Fact]
    public void Refund_RejectedRequest_LeavesTheOrderUnchanged()
    {
        var order = Sample.Order("100.00").Refunded("refund-1", "60.00");

        order.Refund(Sample.RefundRequest("refund-2", "60.00"), Now);

        Assert.Single(order.Refunds);
        Assert.Equal(Sample.Money("40.00"), order.Remaining);
    }

    [Fact]
    public void IsCounted_ZeroTotalOrder_CountsAndIsNotFullyRefunded()
    {
        var order = Sample.Order("0.00");

        Assert.True(order.IsCounted);
        Assert.False(order.IsFullyRefunded);
        Assert.Equal(Sample.Money("0.00"), order.NetTotal);
        Assert.Equal(new RefundDecision.ExceedsRemaining(Sample.Money("0.00")), order.Refund(Sample.RefundRequest("refund-1", "0.01"), Now));
    }

    [Fact]
    public void IsCounted_TestOrder_False()
    {
        var order = Sample.Order(Sample.Purchase() with { IsTest = true });

        Assert.False(order.IsCounted);
        Assert.Equal(Sample.Money("100.00"), order.NetTotal);
    }
}
