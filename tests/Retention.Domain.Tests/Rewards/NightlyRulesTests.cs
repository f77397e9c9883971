using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Domain.Rewards;
using static Retention.Domain.Tests.Rewards.RewardData;

namespace Retention.Domain.Tests.Rewards;

public sealed class NightlyRulesTests
{
    private static readonly RewardSettings WinBackOn = RewardSettings.Off with { WinBack = new WinBackRule(Enabled: true) };
    private static readonly RewardSettings ReplenishmentOn = RewardSettings.Off with { Replenishment = new ReplenishmentRule(Enabled: true, LeadDays: 3) };
    private static readonly RewardSettings CouponExpiringOn = RewardSettings.Off with { CouponExpiring = new CouponExpiringRule(Enabled: true, WarningDays: 3) };
    private static readonly RewardSettings PointsOn = RewardSettings.Off with { Points = new PointsRule(Enabled: true, ExpiryMonths: 12, WarningDays: 14) };

    private static readonly Dictionary<string, DateTimeOffset> NothingDecided = [];

    /// <summary>Orders O-1, O-2, ... at <see cref="T0"/> and then after each gap (days); returns the last purchase time.</summary>
    private static DateTimeOffset BuyWithGaps(Shopper shopper, string gaps)
    {
        var at = T0;
        shopper.Buy("O-1", at);
        var n = 1;
        foreach (var gap in ParseGaps(gaps))
        {
            at = at.AddDays(gap);
            shopper.Buy("O-" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), at);
        }
        return at;
    }

    // Median and lapse start

    [Theory]
    [InlineData(0.29, 30, true)]
    [InlineData(0.30, 30, false)]
    [InlineData(0.29, 29, false)]
    [InlineData(0.05, 731, false)]
    public void IsLapsed_WithAModel_ProbabilityAliveBelowThresholdAfterTheMinimumDays(double alive, int days, bool expected)
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);

        Assert.Equal(expected, NightlyRules.IsLapsed(shopper.Summary, T0.AddDays(days), WinBackOn.WinBack, alive));
    }

    [Fact]
    public void Evaluate_ModelSaysAliveLongAfterTheGapRule_NoWinBack()
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);

        var decisions = shopper.Night(T0.AddDays(200), probabilityAlive: 0.9);

        Assert.DoesNotContain(decisions, d => d.Programme == "win-back");
    }

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 40.0 }, 40.0)]
    [InlineData(new[] { 60.0, 40.0, 50.0 }, 50.0)] // odd: the middle one
    [InlineData(new[] { 40.0, 60.0 }, 50.0)] // even: the mean of the middle two
    [InlineData(new[] { 100.0, 40.0, 60.0, 50.0 }, 55.0)]
    [InlineData(new[] { 0.5, 0.5, 400.0 }, 0.5)]
    public void Median_OddAndEvenCounts_MiddleOrMeanOfMiddleTwo(double[] values, double? expected)
    {
        Assert.Equal(expected, NightlyRules.Median(values));
    }

    [Theory]
    [InlineData("", 90.0)] // one purchase, no gap: the store default
    [InlineData("20,25", 90.0)] // 3 × 22.5 = 67.5 < 90
    [InlineData("30", 90.0)] // 3 × 30 = 90 exactly
    [InlineData("31", 93.0)]
    [InlineData("40,50,60", 150.0)] // odd count: 3 × 50
    [InlineData("60,40", 150.0)] // even count: 3 × mean(40, 60)
    [InlineData("35,50,20,40", 112.5)] // even count, unsorted: 3 × mean(35, 40)
    public void Evaluate_DayBeforeOfAndAfterLapseStart_WinBackFromLapseStart(string gaps, double lapseDays)
    {
        var shopper = new Shopper(WinBackOn);
        var last = BuyWithGaps(shopper, gaps);
        var lapse = last.AddDays(lapseDays);

        var dayBefore = shopper.Night(lapse.AddDays(-1));
        var dayOf = shopper.Night(lapse);
        var dayAfter = shopper.Night(lapse.AddDays(1));

        Assert.Equal(lapse, NightlyRules.LapseStart(last, NightlyRules.Gaps([.. shopper.Summary.CountedOrders]), WinBackOn.WinBack));
        Assert.Empty(dayBefore);
        Assert.Empty(shopper.Night(lapse.AddSeconds(-1)));
        var message = Assert.Single(dayOf).Message;
        Assert.Equal(MessageType.WinBack, message.Type);
        Assert.Equal("win-back:C-1:" + Day(last), message.MessageId);
        Assert.Equal(lapse, message.CreatedAt);
        Assert.Equal(last, message.Data.LastPurchaseAt);
        Assert.Equal("Coffee beans", Assert.Single(message.Data.Items).Name);
        Assert.Null(message.Data.Coupon);
        Assert.Equal(message.MessageId, Assert.Single(dayAfter).Message.MessageId);
    }

    [Fact]
    public void Evaluate_NextNightAfterFirstTouch_NothingNewOrSameId()
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);
        var first = Assert.Single(shopper.Night(T0.AddDays(90))).Message.MessageId;

        var recorded = shopper.Night(T0.AddDays(91), new Dictionary<string, DateTimeOffset> { [first] = T0.AddDays(90) });
        var unrecorded = shopper.Night(T0.AddDays(91));

        Assert.Empty(recorded);
        Assert.Equal(first, Assert.Single(unrecorded).Message.MessageId);
    }

    [Theory]
    [InlineData(14, 13, null)]
    [InlineData(14, 14, "win-back:C-1:2025-01-15:2")]
    [InlineData(14, 15, "win-back:C-1:2025-01-15:2")] // same id: one second touch
    [InlineData(0, 14, null)] // 0: no second touch
    [InlineData(0, 200, null)]
    public void Evaluate_DaysAfterFirstTouch_SecondTouchOnlyAfterSecondTouchDays(int secondTouchDays, int daysAfterFirst, string? expected)
    {
        var settings = RewardSettings.Off with { WinBack = new WinBackRule(Enabled: true, SecondTouchDays: secondTouchDays) };
        var shopper = new Shopper(settings);
        shopper.Buy("O-1", T0);
        var firstAt = T0.AddDays(95);
        var decided = new Dictionary<string, DateTimeOffset> { ["win-back:C-1:2025-01-15"] = firstAt };

        var decisions = shopper.Night(firstAt.AddDays(daysAfterFirst), decided);

        Assert.Equal(expected, decisions.SingleOrDefault()?.Message.MessageId);
    }

    [Theory]
    [InlineData(729 * 86_400, true)]
    [InlineData(730 * 86_400, true)] // MaxDaysSinceLastPurchase is the last day
    [InlineData(730 * 86_400 + 1, false)]
    [InlineData(731 * 86_400, false)]
    public void Evaluate_AroundMaxDaysSinceLastPurchase_NoWinBackAfter(int secondsSinceLast, bool expected)
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);
        var asOf = T0.AddSeconds(secondsSinceLast);

        var decisions = shopper.Night(asOf);

        Assert.Equal(expected, decisions.Length == 1);
        Assert.Equal(expected, NightlyRules.IsLapsed(shopper.Summary, asOf, WinBackOn.WinBack));
    }

    [Theory]
    [InlineData(740, "win-back:C-1:2025-01-15:2")]
    [InlineData(734, "win-back:C-1:2025-01-15:2")]
    [InlineData(733, null)] // the second touch would be due after MaxDaysSinceLastPurchase: none
    public void Evaluate_SecondTouchDueNearMaxDays_NoneAfterMaxDays(int maxDays, string? expected)
    {
        var settings = RewardSettings.Off with { WinBack = new WinBackRule(Enabled: true, SecondTouchDays: 14, MaxDaysSinceLastPurchase: maxDays) };
        var shopper = new Shopper(settings);
        shopper.Buy("O-1", T0);
        var decided = new Dictionary<string, DateTimeOffset> { ["win-back:C-1:2025-01-15"] = T0.AddDays(720) };

        var decisions = shopper.Night(T0.AddDays(734), decided);

        Assert.Equal(expected, decisions.SingleOrDefault()?.Message.MessageId);
    }

    [Fact]
    public void Evaluate_CustomerCameBack_NewLapseNewId()
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);
        shopper.Buy("O-2", T0.AddDays(100));

        var decisions = shopper.Night(T0.AddDays(100 + 300));

        Assert.Equal("win-back:C-1:" + Day(T0.AddDays(100)), Assert.Single(decisions).Message.MessageId);
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    public void IsLapsed_AroundDefaultDays_FromLapseStart(int days, bool expected)
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);

        Assert.Equal(expected, NightlyRules.IsLapsed(shopper.Summary, T0.AddDays(days), WinBackOn.WinBack));
        Assert.False(NightlyRules.IsLapsed(shopper.Summary, T0.AddDays(days), new WinBackRule(Enabled: false)));
    }

    [Fact]
    public void IssueWinBackCoupon_Lapsed_CouponCarriedByTheMessage()
    {
        var shopper = new Shopper(WinBackOn);
        shopper.Buy("O-1", T0);
        var asOf = T0.AddDays(90);

        shopper.Account = NightlyRules.IssueWinBackCoupon(shopper.Account, T0, asOf, WinBackOn, Codes());
        var decisions = shopper.Night(asOf);

        var coupon = shopper.CouponFrom("win-back:2025-01-15");
        Assert.Equal(new Coupon("CODE-1", "win-back:2025-01-15", 10m, null, null, asOf, asOf.AddDays(14 + 14)), coupon);
        Assert.Equal(coupon.Offer, Assert.Single(decisions).Message.Data.Coupon);
    }

    [Fact]
    public void IssueWinBackCoupon_Twice_OneCoupon()
    {
        var codes = Codes();
        var once = NightlyRules.IssueWinBackCoupon(Account(), T0, T0.AddDays(90), WinBackOn, codes);

        var twice = NightlyRules.IssueWinBackCoupon(once, T0, T0.AddDays(91), WinBackOn, codes);

        Assert.Same(once, twice);
        Assert.Single(twice.Coupons);
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 0)] // PercentOff 0: a win-back without coupon
    public void IssueWinBackCoupon_OffOrNoPercent_AccountUnchanged(bool enabled, int percentOff)
    {
        var settings = RewardSettings.Off with { WinBack = new WinBackRule(Enabled: enabled, PercentOff: percentOff) };
        var account = Account();

        Assert.Same(account, NightlyRules.IssueWinBackCoupon(account, T0, T0.AddDays(90), settings, Codes()));
    }

    // Replenishment

    [Theory]
    [InlineData(-73, false)]
    [InlineData(-72, true)] // due − LeadDays
    [InlineData(0, true)]
    [InlineData(72, true)] // due + LeadDays
    [InlineData(73, false)]
    public void Evaluate_AroundDueDateFromOwnGaps_ReplenishmentWithinLeadDays(int hoursFromDue, bool expected)
    {
        var shopper = new Shopper(ReplenishmentOn);
        var last = BuyWithGaps(shopper, "30,30");
        var due = last.AddDays(30);

        var decisions = shopper.Night(due.AddHours(hoursFromDue));

        Assert.Equal(expected, decisions.Length == 1);
        if (expected)
        {
            var message = decisions[0].Message;
            Assert.Equal(MessageType.Replenishment, message.Type);
            Assert.Equal("replenishment:C-1:" + Day(last), message.MessageId);
            Assert.Equal(due, message.Data.DueAt);
            Assert.Equal("Coffee beans", Assert.Single(message.Data.Items).Name);
        }
    }

    [Theory]
    [InlineData("20,40,10", 20.0)] // own median gap, odd
    [InlineData("10,40", 25.0)] // own median gap, even
    public void Evaluate_OwnGaps_DueAtLastPlusMedianGap(string gaps, double medianDays)
    {
        var shopper = new Shopper(ReplenishmentOn with { Replenishment = new ReplenishmentRule(Enabled: true, LeadDays: 0) });
        var last = BuyWithGaps(shopper, gaps);

        var decisions = shopper.Night(last.AddDays(medianDays), categoryGapDays: _ => 5);

        Assert.Equal(last.AddDays(medianDays), Assert.Single(decisions).Message.Data.DueAt);
        Assert.Empty(shopper.Night(last.AddDays(5), categoryGapDays: _ => 5));
    }

    private static double? CategoryGap(string category) => category switch
    {
        "coffee" => 21,
        "filters" => 60,
        _ => null,
    };

    [Theory]
    [InlineData("coffee", 21.0)]
    [InlineData("filters,coffee", 21.0)] // the shortest known category gap
    [InlineData("filters,tea", 60.0)]
    [InlineData("tea", null)] // unknown category: no expected date
    public void Evaluate_OnePurchase_FallsBackToCategoryGap(string categories, double? dueDays)
    {
        var shopper = new Shopper(ReplenishmentOn);
        var lines = categories.Split(',').Select((c, i) => new PurchaseLine("SKU-" + c, 1, 5m, c, "Item " + c)).ToArray();
        shopper.Buy(Purchase("O-1", T0) with { Lines = [.. lines] });

        var nights = Enumerable.Range(1, 120).Select(d => (Day: d, Decisions: shopper.Night(T0.AddDays(d), categoryGapDays: CategoryGap))).ToList();

        if (dueDays is not { } days)
        {
            Assert.All(nights, n => Assert.Empty(n.Decisions));
            return;
        }
        var due = T0.AddDays(days);
        Assert.Equal(due, Assert.Single(shopper.Night(due, categoryGapDays: CategoryGap)).Message.Data.DueAt);
        Assert.Equal(
            Enumerable.Range((int)days - 3, 7),
            nights.Where(n => n.Decisions.Length > 0).Select(n => n.Day));
    }

    [Fact]
    public void Evaluate_OwnGapAndCategoryGap_OwnGapWins()
    {
        var shopper = new Shopper(ReplenishmentOn);
        var last = BuyWithGaps(shopper, "30");

        Assert.Empty(shopper.Night(last.AddDays(21), categoryGapDays: CategoryGap));
        Assert.Equal(last.AddDays(30), Assert.Single(shopper.Night(last.AddDays(30), categoryGapDays: CategoryGap)).Message.Data.DueAt);
    }

    [Fact]
    public void Evaluate_LastOrderWithoutItems_NoReplenishment()
    {
        var shopper = new Shopper(ReplenishmentOn);
        shopper.Buy(Purchase("O-1", T0) with { Lines = [] });
        shopper.Buy(Purchase("O-2", T0.AddDays(30)) with { Lines = [] });

        Assert.Empty(shopper.Night(T0.AddDays(60), categoryGapDays: _ => 30));
    }

    // Coupon expiring

    private static readonly DateTimeOffset Expiry = T0.AddDays(10);

    [Theory]
    [InlineData(-4 * 86_400, false)] // the day before the warning
    [InlineData(-3 * 86_400 - 1, false)]
    [InlineData(-3 * 86_400, true)] // WarningDays before expiry
    [InlineData(-2 * 86_400, true)]
    [InlineData(0, true)] // the last instant it can be used
    [InlineData(1, false)] // expired
    [InlineData(86_400, false)]
    public void Evaluate_AroundCouponExpiry_WarningFromWarningDaysBefore(int secondsFromExpiry, bool expected)
    {
        var account = Account(Coupon("PCT-15", Expiry));

        var decisions = NightlyRules.Evaluate(CustomerSummary.Empty(Customer), account, Expiry.AddSeconds(secondsFromExpiry), CouponExpiringOn, NothingDecided, _ => null);

        Assert.Equal(expected, decisions.Length == 1);
        if (expected)
        {
            var message = decisions[0].Message;
            Assert.Equal(MessageType.CouponExpiring, message.Type);
            Assert.Equal("coupon-expiring:C-1:thank-you", message.MessageId);
            Assert.Equal(account.Coupons[0].Offer, message.Data.Coupon);
        }
    }

    [Theory]
    [InlineData(CouponState.Active, true)]
    [InlineData(CouponState.Redeemed, false)]
    [InlineData(CouponState.Voided, false)]
    public void Evaluate_CouponStateInWarningWindow_WarningOnlyForActive(CouponState state, bool expected)
    {
        var account = Account(Coupon("PCT-15", Expiry, state: state));

        var decisions = NightlyRules.Evaluate(CustomerSummary.Empty(Customer), account, Expiry.AddDays(-1), CouponExpiringOn, NothingDecided, _ => null);

        Assert.Equal(expected, decisions.Length == 1);
    }

    [Fact]
    public void Evaluate_TwoCouponsExpiring_OneWarningEach()
    {
        var account = Account(Coupon("PCT-15", Expiry), Coupon("FLAT-10", Expiry.AddDays(1), "referral:C-7", null, Dollars("10")), Coupon("LATER", Expiry.AddDays(30), "milestone:5"));

        var decisions = NightlyRules.Evaluate(CustomerSummary.Empty(Customer), account, Expiry.AddDays(-1), CouponExpiringOn, NothingDecided, _ => null);

        Assert.Equal(new[] { "coupon-expiring:C-1:thank-you", "coupon-expiring:C-1:referral:C-7" }, decisions.Select(d => d.Message.MessageId));
    }

    // Points expiring

    [Theory]
    [InlineData(-15, false)]
    [InlineData(-14, true)] // WarningDays before expiry
    [InlineData(-13, true)]
    [InlineData(-1, true)]
    [InlineData(0, false)] // expired: nothing left to warn about
    [InlineData(1, false)]
    public void Evaluate_AroundPointsExpiry_WarningFromWarningDaysBefore(int daysFromExpiry, bool expected)
    {
        var shopper = new Shopper(PointsOn);
        shopper.Buy("O-1", T0, "100.00");
        var expires = T0.AddMonths(12);

        var decisions = shopper.Night(expires.AddDays(daysFromExpiry));

        Assert.Equal(expected, decisions.Length == 1);
        if (expected)
        {
            var message = decisions[0].Message;
            Assert.Equal(MessageType.PointsExpiring, message.Type);
            Assert.Equal("points-expiring:C-1:2026-01-15", message.MessageId);
            Assert.Equal(100, message.Data.PointsBalance);
            Assert.Equal(expires, message.Data.PointsExpireAt);
        }
    }

    [Fact]
    public void Evaluate_PurchaseBeforePointsExpiry_WarningMovesWithTheNewExpiry()
    {
        var shopper = new Shopper(PointsOn);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Buy("O-2", T0.AddMonths(6), "50.00");

        Assert.Empty(shopper.Night(T0.AddMonths(12).AddDays(-14)));
        var message = Assert.Single(shopper.Night(T0.AddMonths(18).AddDays(-14))).Message;
        Assert.Equal(150, message.Data.PointsBalance);
        Assert.Equal("points-expiring:C-1:2026-07-15", message.MessageId);
    }

    [Fact]
    public void Evaluate_OnlyOrderRefundedInFull_NoPointsWarning()
    {
        var shopper = new Shopper(PointsOn);
        shopper.Buy("O-1", T0, "100.00");
        shopper.Refund("O-1", "100.00");

        Assert.Empty(shopper.Night(T0.AddMonths(12).AddDays(-7)));
    }

    // Feedback request

    [Theory]
    [InlineData(3, 6, false)] // the day before DelayDays
    [InlineData(3, 7, true)]
    [InlineData(3, 8, true)] // a missed night is caught up
    [InlineData(3, 10, true)] // the last catch-up night
    [InlineData(3, 11, false)]
    [InlineData(0, 7, true)]
    [InlineData(0, 8, false)]
    public void Evaluate_DaysAfterLastOrder_FeedbackFromDelayWithinCatchUp(int catchUpDays, int daysAfter, bool expected)
    {
        var settings = RewardSettings.Off with { Feedback = new FeedbackRule(Enabled: true, DelayDays: 7, CatchUpDays: catchUpDays) };
        var shopper = new Shopper(settings);
        shopper.Buy("O-1", T0);

        var decisions = shopper.Night(T0.AddDays(daysAfter));

        Assert.Equal(expected, decisions.Length == 1);
        if (expected)
        {
            var message = decisions[0].Message;
            Assert.Equal(MessageType.FeedbackRequest, message.Type);
            Assert.Equal("feedback-request:C-1:O-1", message.MessageId);
            Assert.Equal(OrderId.Parse("O-1"), message.Data.OrderId);
            Assert.Equal("Coffee beans", Assert.Single(message.Data.Items).Name);
        }
    }

    [Fact]
    public void Evaluate_LaterOrderBeforeFeedbackDue_FeedbackForTheLaterOrderOnly()
    {
        var shopper = new Shopper(RewardSettings.Off with { Feedback = new FeedbackRule(Enabled: true) });
        shopper.Buy("O-1", T0);
        shopper.Buy("O-2", T0.AddDays(3));

        Assert.Empty(shopper.Night(T0.AddDays(7)));
        Assert.Equal("feedback-request:C-1:O-2", Assert.Single(shopper.Night(T0.AddDays(10))).Message.MessageId);
    }

    // Idempotency

    [Fact]
    public void Evaluate_SameNightTwice_SameMessageIds()
    {
        var settings = RewardSettings.Off with
        {
            ThankYou = new ThankYouRule(Enabled: true),
            Feedback = new FeedbackRule(Enabled: true),
            CouponExpiring = new CouponExpiringRule(Enabled: true),
            Points = new PointsRule(Enabled: true),
            Replenishment = new ReplenishmentRule(Enabled: true),
            WinBack = new WinBackRule(Enabled: true),
        };
        var shopper = new Shopper(settings);
        shopper.Buy("O-1", T0);
        var asOf = T0.AddDays(7);

        var first = shopper.Night(asOf, categoryGapDays: CategoryGap).Select(d => d.Message.MessageId).ToArray();
        var second = shopper.Night(asOf, categoryGapDays: CategoryGap).Select(d => d.Message.MessageId).ToArray();

        Assert.Equal(new[] { "feedback-request:C-1:O-1", "coupon-expiring:C-1:thank-you" }, first);
        Assert.Equal(first, second);
    }
}
