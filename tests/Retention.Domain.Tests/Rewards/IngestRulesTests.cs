using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Domain.Rewards;
using Retention.Domain.Tests.Support;
using static Retention.Domain.Tests.Rewards.RewardData;

namespace Retention.Domain.Tests.Rewards;

public sealed class IngestRulesTests
{
    private static readonly RewardSettings ThankYouOn = RewardSettings.Off with { ThankYou = new ThankYouRule(Enabled: true, PercentOff: 15m, ValidDays: 7) };
    private static readonly RewardSettings MilestoneOn = RewardSettings.Off with { Milestone = new MilestoneRule(Enabled: true) };
    private static readonly RewardSettings PointsOn = RewardSettings.Off with { Points = new PointsRule(Enabled: true) };
    private static readonly RewardSettings TiersOn = RewardSettings.Off with { Tiers = new TierRule(Enabled: true) };
    private static readonly RewardSettings ReferralOn = RewardSettings.Off with { Referral = new ReferralRule(Enabled: true) };

    // Thank-you

    [Fact]
    public void OnPurchase_FirstPurchase_ThankYouWithPercentCoupon()
    {
        var shopper = new Shopper(ThankYouOn);

        var result = shopper.Buy("O-1", T0);

        var message = Assert.Single(result.Decisions).Message;
        Assert.Equal(MessageType.ThankYou, message.Type);
        Assert.Equal("thank-you:C-1:O-1", message.MessageId);
        Assert.Equal(Customer, message.CustomerId);
        Assert.Equal(T0, message.CreatedAt);
        Assert.Equal(OrderId.Parse("O-1"), message.Data.OrderId);
        Assert.Equal("Coffee beans", Assert.Single(message.Data.Items).Name);
        Assert.Equal(new CouponOffer("CODE-1", 15m, null, null, T0.AddDays(7)), message.Data.Coupon);
        var coupon = Assert.Single(result.Account.Coupons);
        Assert.Equal(new Coupon("CODE-1", "thank-you", 15m, null, null, T0, T0.AddDays(7)), coupon);
        Assert.Null(result.CreditReferrer);
    }

    [Fact]
    public void OnPurchase_SecondPurchase_NoThankYou()
    {
        var shopper = new Shopper(ThankYouOn);
        shopper.Buy("O-1", T0.AddDays(-10));

        var result = shopper.Buy("O-2", T0);

        Assert.Empty(result.Decisions);
        Assert.Single(result.Account.Coupons);
    }

    [Fact]
    public void OnPurchase_TestOrder_NothingDecidedAccountUnchanged()
    {
        var shopper = new Shopper(ThankYouOn);
        var before = shopper.Account;

        var result = shopper.Buy(Purchase("O-1", T0) with { IsTest = true });

        Assert.Empty(result.Decisions);
        Assert.Same(before, result.Account);
    }

    [Fact]
    public void OnPurchase_FirstPurchaseAfterTestOrder_ThankYouForTheRealOne()
    {
        var shopper = new Shopper(ThankYouOn);
        shopper.Buy(Purchase("O-test", T0.AddHours(-1)) with { IsTest = true });

        var result = shopper.Buy("O-1", T0);

        Assert.Equal("thank-you:C-1:O-1", Assert.Single(result.Decisions).Message.MessageId);
    }

    [Theory]
    [InlineData(-86_400, true)] // the day before the boundary: 1 day old
    [InlineData(-1, true)]
    [InlineData(0, true)] // exactly IngestMaxAgeDays old: still "at most this many days old"
    [InlineData(1, false)]
    [InlineData(86_400, false)] // the day after: 3 days old
    public void OnPurchase_FirstPurchaseAroundIngestMaxAge_ThankYouOnlyWhenRecent(int secondsPastBoundary, bool expected)
    {
        var settings = ThankYouOn with { IngestMaxAgeDays = 2 };
        var shopper = new Shopper(settings);
        var now = T0.AddDays(2).AddSeconds(secondsPastBoundary);

        var result = shopper.Buy(Purchase("O-1", T0), now);

        Assert.Equal(expected, result.Decisions.Any(d => d.Message.Type == MessageType.ThankYou));
        Assert.Equal(expected ? 1 : 0, result.Account.Coupons.Length);
    }

    [Fact]
    public void OnPurchase_SamePurchaseTwice_NoSecondCouponSameMessageId()
    {
        var shopper = new Shopper(ThankYouOn);
        var purchase = Purchase("O-1", T0);
        var first = shopper.Buy(purchase);

        var second = shopper.Apply(purchase, T0.AddMinutes(5));

        Assert.Equal(1, shopper.CodesIssued);
        Assert.Equal(first.Account.Coupons.ToArray(), second.Account.Coupons.ToArray());
        Assert.Equal(Assert.Single(first.Decisions).Message.MessageId, Assert.Single(second.Decisions).Message.MessageId);
        Assert.Equal("CODE-1", second.Decisions[0].Message.Data.Coupon?.Code);
    }

    [Fact]
    public void OnPurchase_LongCustomerAndOrderIds_MessageIdShortenedDeterministically()
    {
        var customer = new string('c', 100);
        var purchase = Purchase(new string('o', 100), T0) with { CustomerId = CustomerId.Parse(customer) };
        var summary = CustomerSummary.Empty(purchase.CustomerId).Apply(Sample.Order(purchase));
        var account = LoyaltyAccount.Empty(purchase.CustomerId);

        var first = IngestRules.OnPurchase(purchase, summary, account, null, T0, ThankYouOn, Codes());
        var second = IngestRules.OnPurchase(purchase, summary, account, null, T0, ThankYouOn, Codes());

        var id = Assert.Single(first.Decisions).Message.MessageId;
        Assert.Equal(MessageRules.MaxMessageIdLength, id.Length);
        Assert.StartsWith("thank-you:" + customer[..20], id, StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(second.Decisions).Message.MessageId);
    }

    // Milestone

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void OnPurchase_NthCountedOrder_MilestoneOnlyAtTheFifth(int nth, bool decides)
    {
        var shopper = new Shopper(MilestoneOn);

        var results = shopper.BuyMany(nth, T0);

        Assert.Equal(decides, results[^1].Decisions.Length == 1);
        Assert.Equal(nth >= 5 ? 1 : 0, shopper.Account.Coupons.Length);
        Assert.All(results.Take(4), r => Assert.Empty(r.Decisions));
    }

    [Fact]
    public void OnPurchase_FifthOrder_MilestoneRewardFlatAmountAboveMinimumSpend()
    {
        var shopper = new Shopper(MilestoneOn);

        var fifth = shopper.BuyMany(5, T0)[^1];

        var message = Assert.Single(fifth.Decisions).Message;
        var at = T0.AddDays(4);
        Assert.Equal(MessageType.MilestoneReward, message.Type);
        Assert.Equal("milestone-reward:C-1:5", message.MessageId);
        Assert.Equal(5, message.Data.OrderCount);
        Assert.Equal(new CouponOffer("CODE-1", null, Dollars("100"), Dollars("1000"), at.AddDays(30)), message.Data.Coupon);
        Assert.Equal("milestone:5", Assert.Single(fifth.Account.Coupons).Source);
    }

    [Fact]
    public void OnPurchase_EarlierOrderRefundedInFull_MilestoneAtTheFifthCountedOrder()
    {
        var shopper = new Shopper(MilestoneOn);
        shopper.BuyMany(4, T0);
        shopper.Refund("O-2", "100.00");

        var fifthPlaced = shopper.Buy("O-5", T0.AddDays(10));
        var fifthCounted = shopper.Buy("O-6", T0.AddDays(11));

        Assert.Empty(fifthPlaced.Decisions);
        Assert.Equal("milestone-reward:C-1:5", Assert.Single(fifthCounted.Decisions).Message.MessageId);
    }

    [Theory]
    [InlineData("refund in full", CouponState.Voided)]
    [InlineData("cancel", CouponState.Voided)]
    [InlineData("refund in part", CouponState.Active)] // still counted: still five orders
    public void OnOrderChanged_FifthOrderChanged_UnusedMilestoneCouponVoidedOnlyWhenBelowFive(string change, CouponState expected)
    {
        var shopper = new Shopper(MilestoneOn);
        shopper.BuyMany(5, T0);

        switch (change)
        {
            case "refund in full":
                shopper.Refund("O-5", "100.00");
                break;
            case "cancel":
                shopper.Cancel("O-5");
                break;
            default:
                shopper.Refund("O-5", "40.00");
                break;
        }

        Assert.Equal(expected, shopper.CouponFrom("milestone:5").State);
    }

    [Fact]
    public void OnPurchase_ReachesFiveAgainAfterVoid_SameCouponActiveWithoutNewDecision()
    {
        var shopper = new Shopper(MilestoneOn);
        shopper.BuyMany(5, T0);
        var earned = shopper.CouponFrom("milestone:5");
        shopper.Cancel("O-5");

        var again = shopper.Buy("O-6", T0.AddDays(10));

        Assert.Empty(again.Decisions);
        Assert.Equal(earned, Assert.Single(again.Account.Coupons));
        Assert.Equal(1, shopper.CodesIssued);
    }

    [Fact]
    public void OnOrderChanged_MilestoneCouponAlreadyRedeemed_NotVoided()
    {
        var shopper = new Shopper(MilestoneOn);
        shopper.BuyMany(5, T0);
        var code = shopper.CouponFrom("milestone:5").Code;
        shopper.Buy("O-6", T0.AddDays(6), "1200.00", code);

        shopper.Cancel("O-5");
        shopper.Cancel("O-4");

        Assert.Equal(4, shopper.Summary.CountedOrderCount);
        var coupon = shopper.CouponFrom("milestone:5");
        Assert.Equal(CouponState.Redeemed, coupon.State);
        Assert.Equal(OrderId.Parse("O-6"), coupon.RedeemedBy);
    }

    // A retried request must not lose a message: ApplyRewards publishes the decisions computed from the account as it was
    // before the purchase, then saves. So the rules must give the same decisions (and the same coupon code, which the
    // caller derives from the coupon's source) when computed twice from that same account.
    [Fact]
    public void OnPurchase_FifthPurchaseComputedTwiceFromTheSameAccount_SameMilestoneDecisionAndCode()
    {
        var shopper = new Shopper(MilestoneOn);
        shopper.BuyMany(4, T0);
        var before = shopper.Account;
        var fifth = Purchase("O-5", T0.AddDays(4));
        shopper.Buy(fifth);
        static string CodeFor(string source) => "CODE-" + source;

        var first = IngestRules.OnPurchase(fifth, shopper.Summary, before, null, T0.AddDays(4), MilestoneOn, CodeFor);
        var again = IngestRules.OnPurchase(fifth, shopper.Summary, before, null, T0.AddDays(4).AddMinutes(5), MilestoneOn, CodeFor);

        var message = Assert.Single(first.Decisions).Message;
        Assert.Equal(message.MessageId, Assert.Single(again.Decisions).Message.MessageId);
        Assert.Equal("CODE-milestone:5", message.Data.Coupon?.Code);
        Assert.Equal(message.Data.Coupon?.Code, again.Decisions[0].Message.Data.Coupon?.Code);
    }

    [Fact]
    public void OnPurchase_FifthPurchaseAppliedToTheSavedAccount_DecidesNothingNew()
    {
        var shopper = new Shopper(MilestoneOn);
        shopper.BuyMany(5, T0);

        var replay = shopper.Apply(Purchase("O-5", T0.AddDays(4)), T0.AddDays(4).AddMinutes(5));

        Assert.Empty(replay.Decisions);
        Assert.Equal(1, shopper.CodesIssued);
    }

    // Coupon redemption

    [Theory]
    [InlineData("CODE-1")]
    [InlineData("code-1")]
    [InlineData("  Code-1 ")]
    public void OnPurchase_CodeInDiscountCodes_CouponRedeemedByTheOrder(string typed)
    {
        var shopper = new Shopper(ThankYouOn);
        shopper.Buy("O-1", T0);

        var result = shopper.Buy("O-2", T0.AddDays(1), "100.00", "OTHER", typed);

        var coupon = Assert.Single(result.Account.Coupons);
        Assert.Equal(CouponState.Redeemed, coupon.State);
        Assert.Equal(OrderId.Parse("O-2"), coupon.RedeemedBy);
    }

    [Theory]
    [InlineData(-86_400, CouponState.Redeemed)]
    [InlineData(0, CouponState.Redeemed)] // ExpiresAt is the last instant it can be used
    [InlineData(1, CouponState.Active)]
    [InlineData(86_400, CouponState.Active)]
    public void OnPurchase_CodeUsedAroundExpiry_RedeemedUntilExpiresAtInclusive(int secondsAfterExpiry, CouponState expected)
    {
        var shopper = new Shopper(ThankYouOn);
        shopper.Buy("O-1", T0);

        var result = shopper.Buy("O-2", T0.AddDays(7).AddSeconds(secondsAfterExpiry), "100.00", "CODE-1");

        var coupon = Assert.Single(result.Account.Coupons);
        Assert.Equal(expected, coupon.State);
        Assert.Equal(expected == CouponState.Redeemed ? OrderId.Parse("O-2") : null, coupon.RedeemedBy);
    }

    [Theory]
    [InlineData("refund in full", CouponState.Active)]
    [InlineData("cancel", CouponState.Active)]
    [InlineData("refund in part", CouponState.Redeemed)] // the order still counts: the coupon stays used
    public void OnOrderChanged_RedeemingOrderNoLongerCounted_CouponActiveAgain(string change, CouponState expected)
    {
        var shopper = new Shopper(ThankYouOn);
        shopper.Buy("O-1", T0);
        shopper.Buy("O-2", T0.AddDays(1), "100.00", "CODE-1");

        switch (change)
        {
            case "refund in full":
                shopper.Refund("O-2", "100.00");
                break;
            case "cancel":
                shopper.Cancel("O-2");
                break;
            default:
                shopper.Refund("O-2", "99.99");
                break;
        }

        var coupon = shopper.CouponFrom("thank-you");
        Assert.Equal(expected, coupon.State);
        Assert.Equal(expected == CouponState.Redeemed ? OrderId.Parse("O-2") : null, coupon.RedeemedBy);
    }

    [Fact]
    public void OnOrderChanged_OtherOrderRefunded_RedeemedCouponUntouched()
    {
        var shopper = new Shopper(ThankYouOn);
        shopper.Buy("O-1", T0);
        shopper.Buy("O-2", T0.AddDays(1), "100.00", "CODE-1");

        shopper.Refund("O-1", "100.00");

        Assert.Equal(CouponState.Redeemed, shopper.CouponFrom("thank-you").State);
    }

    private static readonly DateTimeOffset Expiry = T0.AddDays(7);

    private static readonly LoyaltyAccount Wallet = Account(
        Coupon("PCT-15", Expiry),
        Coupon("MILESTONE", Expiry, "milestone:5", null, Dollars("100"), Dollars("1000")),
        Coupon("FLAT-10", Expiry, "referral:C-7", null, Dollars("10")),
        Coupon("USED", Expiry, "win-back:2024-10-01", state: CouponState.Redeemed),
        Coupon("GONE", Expiry, "milestone:10", null, Dollars("100"), state: CouponState.Voided),
        Coupon("USED-EXPIRED", Expiry.AddDays(-30), "referral:C-8", state: CouponState.Redeemed));

    [Theory]
    [InlineData("NOPE", "50.00", "USD", -3_600, "unknown-code")]
    [InlineData("", "50.00", "USD", -3_600, "unknown-code")]
    [InlineData("USED", "50.00", "USD", -3_600, "already-used")]
    [InlineData("USED-EXPIRED", "50.00", "USD", -3_600, "already-used")]
    [InlineData("GONE", "5000.00", "USD", -3_600, "withdrawn")]
    [InlineData("PCT-15", "50.00", "USD", 1, "expired")]
    [InlineData("PCT-15", "50.00", "USD", 0, null)] // at ExpiresAt exactly: still valid
    [InlineData(" pct-15 ", "50.00", "USD", -3_600, null)]
    [InlineData("MILESTONE", "999.99", "USD", -3_600, "below-minimum-spend")]
    [InlineData("MILESTONE", "1000.00", "USD", -3_600, null)] // the minimum itself is enough
    [InlineData("MILESTONE", "1000.00", "USD", 1, "expired")]
    [InlineData("FLAT-10", "50.00", "EUR", -3_600, "wrong-currency")]
    [InlineData("FLAT-10", "50.00", "USD", -3_600, null)]
    public void WhyNotValid_CodeBasketAndTime_Reason(string code, string basket, string currency, int secondsAfterExpiry, string? expected)
    {
        var reason = IngestRules.WhyNotValid(Wallet, code, Sample.Money(basket, currency), Expiry.AddSeconds(secondsAfterExpiry));

        Assert.Equal(expected, reason);
    }

    // BUG: a flat-amount coupon with a minimum spend (every milestone coupon) checked against a basket in another
    // currency answers "below-minimum-spend", because Coupon.Fits fails on the currency before the currency check runs.
    // Expected "wrong-currency": the basket (5000 EUR) is not below anything, it is in the wrong currency.
    [Fact]
    public void WhyNotValid_MinimumSpendCouponWithBasketInOtherCurrency_WrongCurrency()
    {
        var reason = IngestRules.WhyNotValid(Wallet, "MILESTONE", Sample.Money("5000.00", "EUR"), Expiry.AddDays(-1));

        Assert.Equal("wrong-currency", reason);
    }

    // Points earned

    [Theory]
    [InlineData("100.00", "USD", true, 100L)]
    [InlineData("99.99", "USD", true, 99L)] // rounded down
    [InlineData("1.00", "USD", true, 1L)]
    [InlineData("0.99", "USD", true, null)] // 0 points: nothing to announce
    [InlineData("0.00", "USD", true, null)]
    [InlineData("100.00", "EUR", true, null)] // not the store currency: earns nothing
    [InlineData("100.00", "USD", false, null)] // NotifyEarned off
    public void OnPurchase_PointsEarned_DecisionOnlyWhenNotifiedAndPositive(string total, string currency, bool notify, long? expected)
    {
        var shopper = new Shopper(PointsOn with { Points = new PointsRule(Enabled: true, NotifyEarned: notify) });

        var result = shopper.Buy(Purchase("O-1", T0, total, currency));

        if (expected is null)
        {
            Assert.Empty(result.Decisions);
            return;
        }
        var message = Assert.Single(result.Decisions).Message;
        Assert.Equal(MessageType.PointsEarned, message.Type);
        Assert.Equal("points-earned:C-1:O-1", message.MessageId);
        Assert.Equal(OrderId.Parse("O-1"), message.Data.OrderId);
        Assert.Equal(expected, message.Data.Points);
        Assert.Equal(expected, message.Data.PointsBalance);
        Assert.Null(message.Data.Tier);
    }

    [Fact]
    public void OnPurchase_SecondPurchase_PointsForTheOrderBalanceForAll()
    {
        var shopper = new Shopper(PointsOn with { Points = new PointsRule(Enabled: true, PointsPerCurrencyUnit: 2m) });
        shopper.Buy("O-1", T0, "100.00");

        var result = shopper.Buy("O-2", T0.AddDays(3), "25.50");

        var data = Assert.Single(result.Decisions).Message.Data;
        Assert.Equal(51, data.Points);
        Assert.Equal(251, data.PointsBalance);
    }

    [Fact]
    public void OnPurchase_PointsAndTiersOn_PointsMessageNamesTheTier()
    {
        var shopper = new Shopper(PointsOn with { Tiers = new TierRule(Enabled: true) });

        var result = shopper.Buy("O-1", T0, "600.00");

        Assert.Equal("Gold", result.Decisions.Single(d => d.Message.Type == MessageType.PointsEarned).Message.Data.Tier);
    }

    [Fact]
    public void OnPurchase_OldPurchase_NoPointsMessage()
    {
        var shopper = new Shopper(PointsOn);

        var result = shopper.Buy(Purchase("O-1", T0), T0.AddDays(3));

        Assert.Empty(result.Decisions);
    }

    // BUG: a purchase stamped a minute ahead of the server clock (the storefront may be up to
    // PurchaseRules.MaxClockSkew ahead) is left out of the balance computed "as of now", so the message says
    // "you earned 100 points, balance 0". The same cut leaves it out of the tier spend, so a purchase that reaches
    // a tier gets no upgrade message. Expected: the balance includes the purchase just made.
    [Fact]
    public void OnPurchase_PurchaseStampedWithinClockSkewAhead_BalanceIncludesIt()
    {
        var shopper = new Shopper(PointsOn);

        var result = shopper.Buy(Purchase("O-1", T0.AddMinutes(1)), T0);

        var data = Assert.Single(result.Decisions).Message.Data;
        Assert.Equal(100, data.Points);
        Assert.Equal(100, data.PointsBalance);
    }

    // Tiers

    [Theory]
    [InlineData(new[] { "199.99" }, new[] { "-" })]
    [InlineData(new[] { "200.00" }, new[] { "Silver" })] // the threshold itself reaches the tier
    [InlineData(new[] { "600.00" }, new[] { "Gold" })] // two tiers at once: one message, for the new one
    [InlineData(new[] { "1000.00" }, new[] { "Platinum" })]
    [InlineData(new[] { "150.00", "100.00", "100.00", "200.00", "450.00" }, new[] { "-", "Silver", "-", "Gold", "Platinum" })]
    public void OnPurchase_RollingSpendCrossesThresholds_OneUpgradePerNewTier(string[] totals, string[] expected)
    {
        var shopper = new Shopper(TiersOn);

        var decided = totals.Select((total, i) => shopper.Buy("O-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), T0.AddDays(i), total))
            .Select(r => r.Decisions.SingleOrDefault()?.Message.Data.Tier ?? "-")
            .ToArray();

        Assert.Equal(expected, decided);
    }

    [Fact]
    public void OnPurchase_TierUpgrade_MessageIdAndPreviousTier()
    {
        var shopper = new Shopper(TiersOn);
        shopper.Buy("O-1", T0, "250.00");

        var result = shopper.Buy("O-2", T0.AddDays(1), "300.00");

        var message = Assert.Single(result.Decisions).Message;
        Assert.Equal(MessageType.TierUpgrade, message.Type);
        Assert.Equal("tier-upgrade:C-1:Gold:O-2", message.MessageId);
        Assert.Equal("Gold", message.Data.Tier);
        Assert.Equal("Silver", message.Data.PreviousTier);
        Assert.Equal("Gold", result.Account.NotifiedTier);
    }

    [Fact]
    public void OnPurchase_SpendDroppedOutOfWindowAndReachedAgain_NoSecondUpgradeToSameTier()
    {
        var shopper = new Shopper(TiersOn);
        shopper.Buy("O-1", T0, "250.00");

        var result = shopper.Buy("O-2", T0.AddMonths(13), "250.00");

        Assert.Equal(250m, PointsLedger.RollingSpend(shopper.Summary, T0.AddMonths(13), Usd));
        Assert.Empty(result.Decisions);
    }

    [Fact]
    public void OnPurchase_OldPurchaseReachesTier_NoMessageButTierRemembered()
    {
        var shopper = new Shopper(TiersOn);

        var old = shopper.Buy(Purchase("O-1", T0, "250.00"), T0.AddDays(3));
        var next = shopper.Buy("O-2", T0.AddDays(4), "10.00");

        Assert.Empty(old.Decisions);
        Assert.Equal("Silver", old.Account.NotifiedTier);
        Assert.Empty(next.Decisions);
    }

    [Fact]
    public void OnPurchase_UpgradingPurchaseComputedTwiceFromTheSameAccount_SameUpgradeDecision()
    {
        var shopper = new Shopper(TiersOn);
        var before = shopper.Account;
        var purchase = Purchase("O-1", T0, "250.00");
        shopper.Buy(purchase);

        var again = IngestRules.OnPurchase(purchase, shopper.Summary, before, null, T0.AddMinutes(5), TiersOn, Codes());

        Assert.Equal("tier-upgrade:C-1:Silver:O-1", Assert.Single(again.Decisions).Message.MessageId);
    }

    // Referral

    [Theory]
    [InlineData("C-9", "friend@example.com", "me@example.com", true)]
    [InlineData("C-9", null, "me@example.com", true)] // nothing to compare: credited
    [InlineData("C-9", "friend@example.com", null, true)]
    [InlineData("C-1", null, null, false)] // same customer id
    [InlineData("C-1", "friend@example.com", "me@example.com", false)]
    [InlineData("C-9", "me@example.com", "me@example.com", false)] // same email
    [InlineData("C-9", "ME@Example.COM", "me@example.com", false)] // same email, other case
    public void OnPurchase_FirstPurchaseWithReferrer_CreditedUnlessSelfReferral(string referrerId, string? referrerEmail, string? buyerEmail, bool credited)
    {
        var shopper = new Shopper(ReferralOn);
        var referrer = new Referrer(CustomerId.Parse(referrerId), referrerEmail is null ? null : EmailAddress.Parse(referrerEmail));
        var purchase = Purchase("O-1", T0) with { Email = buyerEmail is null ? null : EmailAddress.Parse(buyerEmail) };

        var result = shopper.Buy(purchase, referrer: referrer);

        Assert.Equal(credited ? referrer.CustomerId : null, result.CreditReferrer);
        Assert.Equal(credited ? referrer.CustomerId : null, result.Account.ReferredBy);
        Assert.Empty(result.Decisions);
    }

    [Fact]
    public void OnPurchase_SecondPurchaseWithReferrer_NoCredit()
    {
        var shopper = new Shopper(ReferralOn);
        shopper.Buy("O-1", T0);

        var result = shopper.Buy(Purchase("O-2", T0.AddDays(1)), referrer: new Referrer(Friend, null));

        Assert.Null(result.CreditReferrer);
        Assert.Null(result.Account.ReferredBy);
    }

    [Fact]
    public void OnPurchase_ReferralOff_NoCredit()
    {
        var shopper = new Shopper(RewardSettings.Off);

        var result = shopper.Buy(Purchase("O-1", T0), referrer: new Referrer(Friend, null));

        Assert.Null(result.CreditReferrer);
    }

    // BUG: a backfilled first purchase (older than IngestMaxAgeDays) still credits the referrer, so the referrer is
    // mailed a referral reward for it, against RewardSettings.IngestMaxAgeDays ("so a backfill mails nobody") and
    // unlike thank-you and milestone. Expected: no credit for a purchase that is not recent.
    [Fact]
    public void OnPurchase_BackfilledFirstPurchaseWithReferrer_NoCredit()
    {
        var shopper = new Shopper(ReferralOn);

        var result = shopper.Buy(Purchase("O-1", T0), T0.AddDays(30), new Referrer(Friend, null));

        Assert.Null(result.CreditReferrer);
    }

    [Fact]
    public void OnPurchase_FirstPurchaseComputedTwiceFromTheSameAccount_ReferrerNamedBothTimes()
    {
        var shopper = new Shopper(ReferralOn);
        var before = shopper.Account;
        var purchase = Purchase("O-1", T0);
        var referrer = new Referrer(Friend, null);
        shopper.Buy(purchase, referrer: referrer);

        var again = IngestRules.OnPurchase(purchase, shopper.Summary, before, referrer, T0.AddMinutes(5), ReferralOn, Codes());

        Assert.Equal(Friend, again.CreditReferrer);
    }

    [Fact]
    public void CreditReferral_FirstCredit_CouponAndRewardMessageToReferrer()
    {
        var referrer = LoyaltyAccount.Empty(Friend);

        var result = IngestRules.CreditReferral(referrer, Customer, T0, ReferralOn, Codes());

        var message = Assert.Single(result.Decisions).Message;
        Assert.Equal(MessageType.ReferralReward, message.Type);
        Assert.Equal("referral-reward:C-9:C-1", message.MessageId);
        Assert.Equal(Friend, message.CustomerId);
        Assert.Equal(new CouponOffer("CODE-1", null, Dollars("10"), null, T0.AddDays(30)), message.Data.Coupon);
        Assert.Equal("referral:C-1", Assert.Single(result.Account.Coupons).Source);
        Assert.Equal(new[] { Customer }, result.Account.Referred);
    }

    [Fact]
    public void CreditReferral_SameReferredCustomerTwice_OneDecision()
    {
        var codes = Codes();
        var first = IngestRules.CreditReferral(LoyaltyAccount.Empty(Friend), Customer, T0, ReferralOn, codes);

        var second = IngestRules.CreditReferral(first.Account, Customer, T0.AddDays(1), ReferralOn, codes);

        Assert.Empty(second.Decisions);
        Assert.Single(second.Account.Coupons);
        Assert.Single(second.Account.Referred);
    }

    [Fact]
    public void CreditReferral_TwoReferredCustomers_TwoCredits()
    {
        var codes = Codes();
        var first = IngestRules.CreditReferral(LoyaltyAccount.Empty(Friend), Customer, T0, ReferralOn, codes);

        var second = IngestRules.CreditReferral(first.Account, CustomerId.Parse("C-2"), T0.AddDays(1), ReferralOn, codes);

        Assert.Equal("referral-reward:C-9:C-2", Assert.Single(second.Decisions).Message.MessageId);
        Assert.Equal(new[] { "CODE-1", "CODE-2" }, second.Account.Coupons.Select(c => c.Code));
    }

    [Fact]
    public void CreditReferral_ReferralOff_Nothing()
    {
        var result = IngestRules.CreditReferral(LoyaltyAccount.Empty(Friend), Customer, T0, RewardSettings.Off, Codes());

        Assert.Empty(result.Decisions);
        Assert.Empty(result.Account.Coupons);
    }
}
