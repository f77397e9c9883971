using System.ComponentModel.DataAnnotations;
using Retention.Application.Rewards;
using Retention.Domain.Amounts;
using Retention.Domain.Rewards;

namespace Retention.Application.Tests.Rewards;

public sealed class RewardsOptionsTests
{
    /// <summary>One impossible value per case, named for the table below.</summary>
    private static readonly Dictionary<string, Action<RewardsOptions>> Impossible = new()
    {
        ["ingest age negative"] = o => o.IngestMaxAgeDays = -1,
        ["ingest age over a year"] = o => o.IngestMaxAgeDays = 366,
        ["holdout 120"] = o => o.HoldoutPercent = 120m,
        ["holdout negative"] = o => o.HoldoutPercent = -1m,
        ["conversion 0 days"] = o => o.ConversionDays = 0,
        ["thank-you 0 %"] = o => o.ThankYou.PercentOff = 0m,
        ["thank-you 101 %"] = o => o.ThankYou.PercentOff = 101m,
        ["thank-you 0 days"] = o => o.ThankYou.ValidDays = 0,
        ["thank-you negative minimum"] = o => o.ThankYou.MinimumSpend = -1m,
        ["milestone at the 1st order"] = o => o.Milestone.OrderCount = 1,
        ["milestone amount 0"] = o => o.Milestone.AmountOff = 0m,
        ["milestone amount negative"] = o => o.Milestone.AmountOff = -100m,
        ["milestone negative minimum"] = o => o.Milestone.MinimumSpend = -0.01m,
        ["milestone 0 days"] = o => o.Milestone.ValidDays = 0,
        ["points rate negative"] = o => o.Points.PerCurrencyUnit = -1m,
        ["points rate 0"] = o => o.Points.PerCurrencyUnit = 0m,
        ["points expiry 0 months"] = o => o.Points.ExpiryMonths = 0,
        ["points warning 0 days"] = o => o.Points.WarningDays = 0,
        ["tier names without thresholds"] = o => o.Tiers.Names = ["Silver", "Gold"],
        ["tier thresholds without names"] = o => o.Tiers.Thresholds = [200m, 500m],
        ["tier thresholds decreasing"] = o => { o.Tiers.Names = ["Silver", "Gold"]; o.Tiers.Thresholds = [500m, 200m]; },
        ["tier thresholds equal"] = o => { o.Tiers.Names = ["Silver", "Gold"]; o.Tiers.Thresholds = [500m, 500m]; },
        ["tier threshold 0"] = o => { o.Tiers.Names = ["Basic", "Gold"]; o.Tiers.Thresholds = [0m, 500m]; },
        ["tier names duplicate"] = o => { o.Tiers.Names = ["Gold", "gold"]; o.Tiers.Thresholds = [200m, 500m]; },
        ["tier name blank"] = o => { o.Tiers.Names = [" ", "Gold"]; o.Tiers.Thresholds = [200m, 500m]; },
        ["referral amount 0"] = o => o.Referral.AmountOff = 0m,
        ["referral negative minimum"] = o => o.Referral.MinimumSpend = -5m,
        ["referral 0 days"] = o => o.Referral.ValidDays = 0,
        ["win-back multiplier below 1"] = o => o.WinBack.GapMultiplier = 0.5,
        ["win-back multiplier NaN"] = o => o.WinBack.GapMultiplier = double.NaN,
        ["win-back default 0 days"] = o => o.WinBack.DefaultDays = 0,
        ["win-back second touch negative"] = o => o.WinBack.SecondTouchDays = -1,
        ["win-back percent negative"] = o => o.WinBack.PercentOff = -10m,
        ["win-back percent 150"] = o => o.WinBack.PercentOff = 150m,
        ["win-back 0 days"] = o => o.WinBack.ValidDays = 0,
        ["win-back max days equal default"] = o => o.WinBack.MaxDaysSinceLastPurchase = 90,
        ["win-back max days below default"] = o => o.WinBack.MaxDaysSinceLastPurchase = 30,
        ["replenishment lead negative"] = o => o.Replenishment.LeadDays = -1,
        ["coupon warning 0 days"] = o => o.CouponExpiring.WarningDays = 0,
        ["feedback delay negative"] = o => o.Feedback.DelayDays = -1,
        ["feedback catch-up negative"] = o => o.Feedback.CatchUpDays = -1,
    };

    private static List<string> Problems(RewardsOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "")];

    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(Problems(new RewardsOptions()));
    }

    [Fact]
    public void Validate_EveryCaseInTheTable_IsTested()
    {
        var tested = typeof(RewardsOptionsTests).GetMethod(nameof(Validate_ImpossibleSetting_OneMessageNamingTheSetting))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);

        Assert.Equal(Impossible.Keys.Order(StringComparer.Ordinal), tested.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ingest age negative", "Rewards:IngestMaxAgeDays")]
    [InlineData("ingest age over a year", "Rewards:IngestMaxAgeDays")]
    [InlineData("holdout 120", "Rewards:HoldoutPercent")]
    [InlineData("holdout negative", "Rewards:HoldoutPercent")]
    [InlineData("conversion 0 days", "Rewards:ConversionDays")]
    [InlineData("thank-you 0 %", "Rewards:ThankYou:PercentOff")]
    [InlineData("thank-you 101 %", "Rewards:ThankYou:PercentOff")]
    [InlineData("thank-you 0 days", "Rewards:ThankYou:ValidDays")]
    [InlineData("thank-you negative minimum", "Rewards:ThankYou:MinimumSpend")]
    [InlineData("milestone at the 1st order", "Rewards:Milestone:OrderCount")]
    [InlineData("milestone amount 0", "Rewards:Milestone:AmountOff")]
    [InlineData("milestone amount negative", "Rewards:Milestone:AmountOff")]
    [InlineData("milestone negative minimum", "Rewards:Milestone:MinimumSpend")]
    [InlineData("milestone 0 days", "Rewards:Milestone:ValidDays")]
    [InlineData("points rate negative", "Rewards:Points:PerCurrencyUnit")]
    [InlineData("points rate 0", "Rewards:Points:PerCurrencyUnit")]
    [InlineData("points expiry 0 months", "Rewards:Points:ExpiryMonths")]
    [InlineData("points warning 0 days", "Rewards:Points:WarningDays")]
    [InlineData("tier names without thresholds", "Rewards:Tiers:Thresholds")]
    [InlineData("tier thresholds without names", "Rewards:Tiers:Names")]
    [InlineData("tier thresholds decreasing", "Rewards:Tiers:Thresholds")]
    [InlineData("tier thresholds equal", "Rewards:Tiers:Thresholds")]
    [InlineData("tier threshold 0", "Rewards:Tiers:Thresholds")]
    [InlineData("tier names duplicate", "Rewards:Tiers:Names")]
    [InlineData("tier name blank", "Rewards:Tiers:Names")]
    [InlineData("referral amount 0", "Rewards:Referral:AmountOff")]
    [InlineData("referral negative minimum", "Rewards:Referral:MinimumSpend")]
    [InlineData("referral 0 days", "Rewards:Referral:ValidDays")]
    [InlineData("win-back multiplier below 1", "Rewards:WinBack:GapMultiplier")]
    [InlineData("win-back multiplier NaN", "Rewards:WinBack:GapMultiplier")]
    [InlineData("win-back default 0 days", "Rewards:WinBack:DefaultDays")]
    [InlineData("win-back second touch negative", "Rewards:WinBack:SecondTouchDays")]
    [InlineData("win-back percent negative", "Rewards:WinBack:PercentOff")]
    [InlineData("win-back percent 150", "Rewards:WinBack:PercentOff")]
    [InlineData("win-back 0 days", "Rewards:WinBack:ValidDays")]
    [InlineData("win-back max days equal default", "Rewards:WinBack:MaxDaysSinceLastPurchase")]
    [InlineData("win-back max days below default", "Rewards:WinBack:MaxDaysSinceLastPurchase")]
    [InlineData("replenishment lead negative", "Rewards:Replenishment:LeadDays")]
    [InlineData("coupon warning 0 days", "Rewards:CouponExpiring:WarningDays")]
    [InlineData("feedback delay negative", "Rewards:Feedback:DelayDays")]
    [InlineData("feedback catch-up negative", "Rewards:Feedback:CatchUpDays")]
    public void Validate_ImpossibleSetting_OneMessageNamingTheSetting(string impossible, string setting)
    {
        var options = new RewardsOptions();
        Impossible[impossible](options);

        var problem = Assert.Single(Problems(options));

        Assert.Contains(setting, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThroughDataAnnotations_FailsLikeValidateOnStart()
    {
        var options = new RewardsOptions { HoldoutPercent = 120m };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains("Rewards:HoldoutPercent", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralImpossibleSettings_AllReported()
    {
        var options = new RewardsOptions { HoldoutPercent = 120m };
        options.Points.PerCurrencyUnit = -1m;
        options.WinBack.MaxDaysSinceLastPurchase = 10;

        var problems = Problems(options);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Rewards:HoldoutPercent", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Rewards:Points:PerCurrencyUnit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Rewards:WinBack:MaxDaysSinceLastPurchase", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0)] // the lowest accepted values
    [InlineData(50, 365)] // the highest
    public void Validate_BoundsOfTheRanges_Accepted(int holdoutPercent, int days)
    {
        var options = new RewardsOptions { HoldoutPercent = holdoutPercent, IngestMaxAgeDays = days, ConversionDays = Math.Max(days, 1) };
        options.ThankYou.PercentOff = holdoutPercent == 0 ? 0.01m : 100m;
        options.Milestone.OrderCount = holdoutPercent == 0 ? 2 : 1000;
        options.WinBack.GapMultiplier = holdoutPercent == 0 ? 1 : 20;
        options.WinBack.SecondTouchDays = days;
        options.WinBack.PercentOff = holdoutPercent == 0 ? 0m : 100m;
        options.Feedback.DelayDays = holdoutPercent == 0 ? 0 : 180;
        options.Feedback.CatchUpDays = holdoutPercent == 0 ? 0 : 30;
        options.Replenishment.LeadDays = holdoutPercent == 0 ? 0 : 60;
        options.Tiers.Names = ["Bronze", "Silver"];
        options.Tiers.Thresholds = [0.01m, 0.02m];

        Assert.Empty(Problems(options));
    }

    [Fact]
    public void ToSettings_EveryValueSet_MapsEveryValue()
    {
        var options = new RewardsOptions
        {
            IngestMaxAgeDays = 5,
            HoldoutPercent = 12.5m,
            ConversionDays = 21,
            ThankYou = { Enabled = true, PercentOff = 20m, ValidDays = 9, MinimumSpend = 30m },
            Milestone = { Enabled = true, OrderCount = 7, AmountOff = 50m, MinimumSpend = 400m, ValidDays = 45 },
            Points = { Enabled = true, PerCurrencyUnit = 2.5m, ExpiryMonths = 18, WarningDays = 21, NotifyEarned = false },
            Tiers = { Enabled = true, Names = ["Bronze", "Silver"], Thresholds = [100m, 300m] },
            Referral = { Enabled = true, AmountOff = 15m, MinimumSpend = 60m, ValidDays = 40 },
            WinBack = { Enabled = true, GapMultiplier = 2.5, DefaultDays = 60, SecondTouchDays = 10, PercentOff = 12m, ValidDays = 20, MaxDaysSinceLastPurchase = 400 },
            Replenishment = { Enabled = true, LeadDays = 4 },
            CouponExpiring = { Enabled = true, WarningDays = 5 },
            Feedback = { Enabled = true, DelayDays = 10, CatchUpDays = 2 },
        };
        Assert.Empty(Problems(options));

        var settings = options.ToSettings(CurrencyCode.Parse("EUR"));

        Assert.Equal(CurrencyCode.Parse("EUR"), settings.Currency);
        Assert.Equal(5, settings.IngestMaxAgeDays);
        Assert.Equal(12.5m, settings.HoldoutPercent);
        Assert.Equal(21, settings.ConversionDays);
        Assert.Equal(new ThankYouRule(true, 20m, 9, 30m), settings.ThankYou);
        Assert.Equal(new MilestoneRule(true, 7, 50m, 400m, 45), settings.Milestone);
        Assert.Equal(new PointsRule(true, 2.5m, 18, 21, false), settings.Points);
        Assert.True(settings.Tiers.Enabled);
        Assert.Equal(new[] { new Tier("Bronze", 100m), new Tier("Silver", 300m) }, settings.Tiers.Tiers);
        Assert.Equal(new ReferralRule(true, 15m, 60m, 40), settings.Referral);
        Assert.Equal(new WinBackRule(true, 2.5, 60, 10, 12m, 20, 400), settings.WinBack);
        Assert.Equal(new ReplenishmentRule(true, 4), settings.Replenishment);
        Assert.Equal(new CouponExpiringRule(true, 5), settings.CouponExpiring);
        Assert.Equal(new FeedbackRule(true, 10, 2), settings.Feedback);
        Assert.True(settings.AnyEnabled);
    }

    [Fact]
    public void ToSettings_Defaults_SameAsTheDomainDefaults()
    {
        var settings = new RewardsOptions().ToSettings(CurrencyCode.Parse("USD"));
        var expected = RewardSettings.Off;

        Assert.Equal(expected.Currency, settings.Currency);
        Assert.Equal(expected.IngestMaxAgeDays, settings.IngestMaxAgeDays);
        Assert.Equal(expected.HoldoutPercent, settings.HoldoutPercent);
        Assert.Equal(expected.ConversionDays, settings.ConversionDays);
        Assert.Equal(expected.ThankYou, settings.ThankYou);
        Assert.Equal(expected.Milestone, settings.Milestone);
        Assert.Equal(expected.Points, settings.Points);
        Assert.Equal(expected.Tiers.Enabled, settings.Tiers.Enabled);
        Assert.Equal(TierRule.DefaultTiers.ToArray(), settings.Tiers.Tiers.ToArray());
        Assert.Equal(expected.Referral, settings.Referral);
        Assert.Equal(expected.WinBack, settings.WinBack);
        Assert.Equal(expected.Replenishment, settings.Replenishment);
        Assert.Equal(expected.CouponExpiring, settings.CouponExpiring);
        Assert.Equal(expected.Feedback, settings.Feedback);
        Assert.False(settings.AnyEnabled);
    }
}
