using Retention.Domain.Rewards;
using Retention.Domain.Tests.Support;
using static Retention.Domain.Tests.Rewards.RewardData;

namespace Retention.Domain.Tests.Rewards;

public sealed class PointsLedgerTests
{
    private static readonly PointsRule Points = new(Enabled: true, PointsPerCurrencyUnit: 1m, ExpiryMonths: 12);
    private static readonly TierRule Tiers = new(Enabled: true);

    // Points per order

    [Theory]
    [InlineData("100.00", "USD", "1", null, 100L)]
    [InlineData("99.99", "USD", "1", null, 99L)] // rounded down
    [InlineData("99.99", "USD", "1.5", null, 149L)] // 149.985
    [InlineData("0.50", "USD", "1", null, 0L)]
    [InlineData("100.00", "EUR", "1", null, 0L)] // not the store currency
    [InlineData("100.00", "USD", "1", "30.00", 70L)] // a partial refund reverses its share
    [InlineData("100.00", "USD", "1", "30.50", 69L)]
    [InlineData("100.00", "USD", "2", "99.99", 0L)] // 0.01 left × 2 = 0.02
    [InlineData("100.00", "USD", "1", "100.00", 0L)] // refunded in full: not counted
    public void For_TotalCurrencyRateAndRefund_FloorOfNetTimesRate(string total, string currency, string rate, string? refunded, long expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy(Purchase("O-1", T0, total, currency));
        if (refunded is not null)
        {
            shopper.Refund("O-1", refunded);
        }

        var points = PointsLedger.For(shopper.Summary.Orders[0], Points with { PointsPerCurrencyUnit = Sample.Amount(rate) }, Usd);

        Assert.Equal(expected, points);
    }

    [Fact]
    public void For_CancelledOrder_Zero()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Cancel("O-1");

        Assert.Equal(0, PointsLedger.For(shopper.Summary.Orders[0], Points, Usd));
    }

    // Balance

    [Fact]
    public void Balance_NoOrders_ZeroWithoutExpiry()
    {
        var shopper = new Shopper(RewardSettings.Off);

        Assert.Equal(new PointsBalance(0, null), PointsLedger.Balance(shopper.Summary, T0, Points, Usd));
    }

    [Theory]
    [InlineData(null, 150L)]
    [InlineData("20.00", 130L)] // a partial refund of the second order
    [InlineData("50.00", 100L)] // the second order refunded in full
    public void Balance_TwoOrdersAndRefund_SumOfWhatEachStillEarns(string? refundSecond, long expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy("O-2", T0.AddDays(10), "50.00");
        if (refundSecond is not null)
        {
            shopper.Refund("O-2", refundSecond);
        }

        Assert.Equal(expected, PointsLedger.Balance(shopper.Summary, T0.AddDays(20), Points, Usd).Points);
    }

    [Fact]
    public void Balance_OrderInOtherCurrency_EarnsNothingButKeepsTheBalanceAlive()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy(Purchase("O-2", T0.AddMonths(11), "80.00", "EUR"));

        var balance = PointsLedger.Balance(shopper.Summary, T0.AddMonths(12), Points, Usd);

        Assert.Equal(new PointsBalance(100, T0.AddMonths(23)), balance);
    }

    [Theory]
    [InlineData(-86_400, 100L)] // the day before expiry
    [InlineData(-1, 100L)]
    [InlineData(0, 0L)] // ExpiryMonths after the last purchase: gone
    [InlineData(86_400, 0L)]
    public void Balance_AroundExpiry_WholeBalanceExpiresAfterExpiryMonthsWithoutPurchase(int secondsFromExpiry, long expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "60.00");
        shopper.Buy("O-2", T0.AddDays(1), "40.00");
        var expires = T0.AddDays(1).AddMonths(12);

        var balance = PointsLedger.Balance(shopper.Summary, expires.AddSeconds(secondsFromExpiry), Points, Usd);

        Assert.Equal(expected, balance.Points);
        Assert.Equal(expected > 0 ? expires : null, balance.ExpiresAt);
    }

    [Theory]
    [InlineData(-86_400, 150L)] // bought the day before expiry: the whole balance stays
    [InlineData(0, 50L)] // bought at the instant of expiry: the old balance is gone first
    [InlineData(86_400, 50L)]
    public void Balance_PurchaseAroundExpiry_KeepsWholeBalanceOnlyBefore(int secondsFromExpiry, long expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        var second = T0.AddMonths(12).AddSeconds(secondsFromExpiry);
        shopper.Buy("O-2", second, "50.00");

        var balance = PointsLedger.Balance(shopper.Summary, second.AddDays(1), Points, Usd);

        Assert.Equal(new PointsBalance(expected, second.AddMonths(12)), balance);
    }

    [Fact]
    public void Balance_LastPurchaseRefundedInFull_ExpiryFromThePurchaseBefore()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy("O-2", T0.AddMonths(11), "50.00");
        shopper.Refund("O-2", "50.00");

        Assert.Equal(new PointsBalance(100, T0.AddMonths(12)), PointsLedger.Balance(shopper.Summary, T0.AddMonths(11).AddDays(1), Points, Usd));
        Assert.Equal(0, PointsLedger.Balance(shopper.Summary, T0.AddMonths(12), Points, Usd).Points);
    }

    [Theory]
    [InlineData("2024-02-29T10:00:00Z", 12, "2025-02-28T10:00:00Z")] // leap day: the last day of February
    [InlineData("2025-01-31T10:00:00Z", 1, "2025-02-28T10:00:00Z")] // month end into a shorter month
    [InlineData("2024-01-31T23:30:00-05:00", 1, "2024-02-29T23:30:00-05:00")] // in the purchase's own offset
    public void Balance_MonthEnds_ExpiryIsCalendarMonthsLater(string purchasedAt, int expiryMonths, string expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy(Purchase("O-1", Sample.At(purchasedAt)));

        var balance = PointsLedger.Balance(shopper.Summary, Sample.At(purchasedAt).AddDays(1), Points with { ExpiryMonths = expiryMonths }, Usd);

        Assert.Equal(Sample.At(expected), balance.ExpiresAt);
    }

    [Fact]
    public void Balance_OrderAfterAsOf_NotCountedYet()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy("O-2", T0.AddDays(5), "50.00");

        Assert.Equal(new PointsBalance(100, T0.AddMonths(12)), PointsLedger.Balance(shopper.Summary, T0.AddDays(4), Points, Usd));
    }

    [Fact]
    public void History_EarnedExpiredEarned_EntriesOldestFirst()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy("O-2", T0.AddDays(10), "50.00");
        shopper.Buy("O-3", T0.AddMonths(14), "30.00");

        var history = PointsLedger.History(shopper.Summary, T0.AddMonths(14).AddDays(1), Points, Usd);

        Assert.Equal(
            new[]
            {
                new PointsEntry(T0, 100, "earned"),
                new PointsEntry(T0.AddDays(10), 50, "earned"),
                new PointsEntry(T0.AddDays(10).AddMonths(12), -150, "expired"),
                new PointsEntry(T0.AddMonths(14), 30, "earned"),
            },
            history);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(12)] // the first balance expires
    [InlineData(13)]
    [InlineData(24)]
    [InlineData(40)] // everything expired
    public void History_AnyDate_SumsToBalance(int monthsAfterStart)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy(Purchase("O-2", T0.AddMonths(2), "70.00", "EUR"));
        shopper.Buy("O-3", T0.AddMonths(14), "80.00");
        shopper.Buy("O-4", T0.AddMonths(20), "45.50");
        shopper.Refund("O-4", "20.00");
        shopper.Buy("O-5", T0.AddMonths(21), "10.00");
        shopper.Cancel("O-5");
        var asOf = T0.AddMonths(monthsAfterStart);

        var history = PointsLedger.History(shopper.Summary, asOf, Points, Usd);

        Assert.Equal(PointsLedger.Balance(shopper.Summary, asOf, Points, Usd).Points, history.Sum(e => e.Points));
        Assert.All(history, e => Assert.True(e.At <= asOf));
    }

    // Tiers and the rolling 12 months

    [Theory]
    [InlineData(-86_400, false)]
    [InlineData(-1, false)]
    [InlineData(0, false)] // exactly 12 months before asOf: out, the window is (asOf − 12 months, asOf]
    [InlineData(1, true)]
    [InlineData(86_400, true)]
    [InlineData(365 * 86_400, true)] // at asOf itself: in
    [InlineData(365 * 86_400 + 1, false)] // after asOf: not yet
    public void RollingSpend_OrderAroundWindowStart_WindowExcludesStartIncludesEnd(int secondsAfterWindowStart, bool inWindow)
    {
        var asOf = T0.AddMonths(12);
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy(Purchase("O-1", asOf.AddMonths(-12).AddSeconds(secondsAfterWindowStart), "300.00"));

        var spend = PointsLedger.RollingSpend(shopper.Summary, asOf, Usd);

        Assert.Equal(inWindow ? 300m : 0m, spend);
    }

    [Theory]
    [InlineData(-86_400, "Silver")]
    [InlineData(-1, "Silver")]
    [InlineData(0, null)] // the order exactly 12 months old has dropped out
    [InlineData(86_400, null)]
    public void TierAt_OrderReachingTwelveMonths_DropsOutAtTheInstant(int secondsFromAnniversary, string? expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "250.00");

        var tier = PointsLedger.TierAt(shopper.Summary, T0.AddMonths(12).AddSeconds(secondsFromAnniversary), Tiers, Usd);

        Assert.Equal(expected, tier?.Name);
    }

    [Fact]
    public void RollingSpend_OrderAfterAsOfAndOtherCurrency_Excluded()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy(Purchase("O-2", T0.AddDays(1), "500.00", "EUR"));
        shopper.Buy("O-3", T0.AddDays(3), "200.00");

        Assert.Equal(100m, PointsLedger.RollingSpend(shopper.Summary, T0.AddDays(2), Usd));
    }

    [Fact]
    public void RollingSpend_PartialRefund_CountsNetSpend()
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, "600.00");
        shopper.Refund("O-1", "150.00");

        Assert.Equal(450m, PointsLedger.RollingSpend(shopper.Summary, T0.AddDays(1), Usd));
        Assert.Equal("Silver", PointsLedger.TierAt(shopper.Summary, T0.AddDays(1), Tiers, Usd)?.Name);
    }

    [Theory]
    [InlineData("0.00", null)]
    [InlineData("199.99", null)]
    [InlineData("200.00", "Silver")] // a threshold is reached at the amount itself
    [InlineData("499.99", "Silver")]
    [InlineData("500.00", "Gold")]
    [InlineData("1000.00", "Platinum")]
    [InlineData("25000.00", "Platinum")]
    public void TierAt_Spend_HighestTierReached(string spend, string? expected)
    {
        var shopper = new Shopper(RewardSettings.Off);
        shopper.Buy("O-1", T0, spend);

        Assert.Equal(expected, PointsLedger.TierAt(shopper.Summary, T0, Tiers, Usd)?.Name);
    }

    [Theory]
    [InlineData(null, -1)]
    [InlineData("Silver", 0)]
    [InlineData("Platinum", 2)]
    [InlineData("Bronze", -1)] // a tier the settings no longer have
    public void Rank_TierName_PositionInSettings(string? tier, int expected)
    {
        Assert.Equal(expected, PointsLedger.Rank(Tiers, tier));
    }
}
