using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using Retention.Domain.Amounts;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>
/// Settings under <c>Rewards</c>: which programmes run and their numbers (<c>docs/rewards.md</c>). Every programme is
/// off until switched on (<c>Rewards:WinBack:Enabled=true</c>). An impossible configuration stops the app at start
/// with a message naming the setting.
/// </summary>
public sealed class RewardsOptions : IValidatableObject
{
    public const string Section = "Rewards";

    public int IngestMaxAgeDays { get; set; } = 2;

    /// <summary>Keys the coupon and referral codes (HMAC-SHA256); at least 32 characters. Keep it in Key Vault; changing it changes the codes of coupons not issued yet.</summary>
    public string CodeSecret { get; set; } = DevelopmentCodeSecret;

    /// <summary>The default key: public (it is in the source), so the app refuses it on Azure (<c>WEBSITE_SITE_NAME</c> set).</summary>
    public const string DevelopmentCodeSecret = "local-development-coupon-secret-not-for-production";
    public decimal HoldoutPercent { get; set; } = 10m;
    public int ConversionDays { get; set; } = 30;
    public ThankYouSettings ThankYou { get; set; } = new();
    public MilestoneSettings Milestone { get; set; } = new();
    public PointsSettings Points { get; set; } = new();
    public TierSettings Tiers { get; set; } = new();
    public ReferralSettings Referral { get; set; } = new();
    public WinBackSettings WinBack { get; set; } = new();
    public ReplenishmentSettings Replenishment { get; set; } = new();
    public CouponExpiringSettings CouponExpiring { get; set; } = new();
    public FeedbackSettings Feedback { get; set; } = new();

    /// <summary>The domain's settings, in the store currency. Call after validation.</summary>
    public RewardSettings ToSettings(CurrencyCode currency) => new()
    {
        Currency = currency,
        IngestMaxAgeDays = IngestMaxAgeDays,
        HoldoutPercent = HoldoutPercent,
        ConversionDays = ConversionDays,
        ThankYou = new ThankYouRule(ThankYou.Enabled, ThankYou.PercentOff, ThankYou.ValidDays, ThankYou.MinimumSpend),
        Milestone = new MilestoneRule(Milestone.Enabled, Milestone.OrderCount, Milestone.AmountOff, Milestone.MinimumSpend, Milestone.ValidDays),
        Points = new PointsRule(Points.Enabled, Points.PerCurrencyUnit, Points.ExpiryMonths, Points.WarningDays, Points.NotifyEarned),
        Tiers = new TierRule(Tiers.Enabled) { Tiers = [.. TierList()] },
        Referral = new ReferralRule(Referral.Enabled, Referral.AmountOff, Referral.MinimumSpend, Referral.ValidDays),
        WinBack = new WinBackRule(WinBack.Enabled, WinBack.GapMultiplier, WinBack.DefaultDays, WinBack.SecondTouchDays, WinBack.PercentOff, WinBack.ValidDays,
            WinBack.MaxDaysSinceLastPurchase, WinBack.ProbabilityAliveThreshold, WinBack.MinimumDaysWithModel),
        Replenishment = new ReplenishmentRule(Replenishment.Enabled, Replenishment.LeadDays),
        CouponExpiring = new CouponExpiringRule(CouponExpiring.Enabled, CouponExpiring.WarningDays),
        Feedback = new FeedbackRule(Feedback.Enabled, Feedback.DelayDays, Feedback.CatchUpDays),
    };

    private IEnumerable<Tier> TierList() =>
        Tiers.Names.Count == 0 ? TierRule.DefaultTiers : Tiers.Names.Zip(Tiers.Thresholds, (name, spend) => new Tier(name, spend));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }
        Check(CodeSecret is { Length: >= 32 }, "Rewards:CodeSecret must be at least 32 characters (it keys coupon and referral codes).");
        // App Service and Azure Functions set WEBSITE_SITE_NAME; anyone could mint valid coupon codes with the public default.
        Check(CodeSecret != DevelopmentCodeSecret || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME")),
            "Rewards:CodeSecret still has its local-development value, which is public; on Azure it must come from Key Vault (infra/main.bicep stores a generated one).");
        Check(IngestMaxAgeDays is >= 0 and <= 365, "Rewards:IngestMaxAgeDays must be from 0 to 365 days.");
        Check(HoldoutPercent is >= 0 and <= 50, "Rewards:HoldoutPercent must be from 0 to 50 (percent of customers who get no marketing messages).");
        Check(ConversionDays is >= 1 and <= 365, "Rewards:ConversionDays must be from 1 to 365 days.");
        Check(ThankYou.PercentOff is > 0 and <= 100, "Rewards:ThankYou:PercentOff must be more than 0 and at most 100.");
        Check(ThankYou.ValidDays is >= 1 and <= 365, "Rewards:ThankYou:ValidDays must be from 1 to 365.");
        Check(ThankYou.MinimumSpend >= 0, "Rewards:ThankYou:MinimumSpend must be 0 or more.");
        Check(Milestone.OrderCount is >= 2 and <= 1000, "Rewards:Milestone:OrderCount must be from 2 to 1000.");
        Check(Milestone.AmountOff > 0, "Rewards:Milestone:AmountOff must be more than 0.");
        Check(Milestone.MinimumSpend >= 0, "Rewards:Milestone:MinimumSpend must be 0 or more.");
        Check(Milestone.ValidDays is >= 1 and <= 365, "Rewards:Milestone:ValidDays must be from 1 to 365.");
        Check(Points.PerCurrencyUnit > 0 && Points.PerCurrencyUnit <= 1000, "Rewards:Points:PerCurrencyUnit must be more than 0 and at most 1000.");
        Check(Points.ExpiryMonths is >= 1 and <= 120, "Rewards:Points:ExpiryMonths must be from 1 to 120.");
        Check(Points.WarningDays is >= 1 and <= 90, "Rewards:Points:WarningDays must be from 1 to 90.");
        Check(Tiers.Names.Count == Tiers.Thresholds.Count, "Rewards:Tiers:Names and Rewards:Tiers:Thresholds must have as many entries.");
        Check(Tiers.Thresholds.All(t => t > 0), "Rewards:Tiers:Thresholds must all be more than 0.");
        Check(Tiers.Thresholds.Zip(Tiers.Thresholds.Skip(1)).All(p => p.Second > p.First), "Rewards:Tiers:Thresholds must increase from one tier to the next.");
        Check(Tiers.Names.All(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 50) && Tiers.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == Tiers.Names.Count,
            "Rewards:Tiers:Names must be distinct, non-empty names of at most 50 characters.");
        Check(Referral.AmountOff > 0, "Rewards:Referral:AmountOff must be more than 0.");
        Check(Referral.MinimumSpend >= 0, "Rewards:Referral:MinimumSpend must be 0 or more.");
        Check(Referral.ValidDays is >= 1 and <= 365, "Rewards:Referral:ValidDays must be from 1 to 365.");
        Check(WinBack.GapMultiplier is >= 1 and <= 20, "Rewards:WinBack:GapMultiplier must be from 1 to 20.");
        Check(WinBack.DefaultDays is >= 7 and <= 1095, "Rewards:WinBack:DefaultDays must be from 7 to 1095.");
        Check(WinBack.SecondTouchDays is >= 0 and <= 365, "Rewards:WinBack:SecondTouchDays must be from 0 (no second touch) to 365.");
        Check(WinBack.PercentOff is >= 0 and <= 100, "Rewards:WinBack:PercentOff must be from 0 (no coupon) to 100.");
        Check(WinBack.ValidDays is >= 1 and <= 365, "Rewards:WinBack:ValidDays must be from 1 to 365.");
        Check(WinBack.ProbabilityAliveThreshold is > 0 and < 1, "Rewards:WinBack:ProbabilityAliveThreshold must be more than 0 and less than 1.");
        Check(WinBack.MinimumDaysWithModel is >= 1 and <= 365, "Rewards:WinBack:MinimumDaysWithModel must be from 1 to 365.");
        Check(WinBack.MaxDaysSinceLastPurchase > WinBack.DefaultDays, "Rewards:WinBack:MaxDaysSinceLastPurchase must be more than Rewards:WinBack:DefaultDays.");
        Check(Replenishment.LeadDays is >= 0 and <= 60, "Rewards:Replenishment:LeadDays must be from 0 to 60.");
        Check(CouponExpiring.WarningDays is >= 1 and <= 60, "Rewards:CouponExpiring:WarningDays must be from 1 to 60.");
        Check(Feedback.DelayDays is >= 0 and <= 180, "Rewards:Feedback:DelayDays must be from 0 to 180.");
        Check(Feedback.CatchUpDays is >= 0 and <= 30, "Rewards:Feedback:CatchUpDays must be from 0 to 30.");
        return problems.Select(p => new ValidationResult(p));
    }

    public sealed class ThankYouSettings
    {
        public bool Enabled { get; set; }
        public decimal PercentOff { get; set; } = 15m;
        public int ValidDays { get; set; } = 7;
        public decimal MinimumSpend { get; set; }
    }

    public sealed class MilestoneSettings
    {
        public bool Enabled { get; set; }
        public int OrderCount { get; set; } = 5;
        public decimal AmountOff { get; set; } = 100m;
        public decimal MinimumSpend { get; set; } = 1000m;
        public int ValidDays { get; set; } = 30;
    }

    public sealed class PointsSettings
    {
        public bool Enabled { get; set; }
        public decimal PerCurrencyUnit { get; set; } = 1m;
        public int ExpiryMonths { get; set; } = 12;
        public int WarningDays { get; set; } = 14;
        public bool NotifyEarned { get; set; } = true;
    }

    public sealed class TierSettings
    {
        public bool Enabled { get; set; }

        /// <summary>Tier names, lowest first (default Silver, Gold, Platinum).</summary>
        public List<string> Names { get; set; } = [];

        /// <summary>Rolling 12-month spend to reach each tier, increasing (default 200, 500, 1000).</summary>
        public List<decimal> Thresholds { get; set; } = [];
    }

    public sealed class ReferralSettings
    {
        public bool Enabled { get; set; }
        public decimal AmountOff { get; set; } = 10m;
        public decimal MinimumSpend { get; set; }
        public int ValidDays { get; set; } = 30;
    }

    public sealed class WinBackSettings
    {
        public bool Enabled { get; set; }
        public double GapMultiplier { get; set; } = 3;
        public int DefaultDays { get; set; } = 90;
        public int SecondTouchDays { get; set; } = 14;
        public decimal PercentOff { get; set; } = 10m;
        public int ValidDays { get; set; } = 14;
        public int MaxDaysSinceLastPurchase { get; set; } = 730;

        /// <summary>With a fitted model: lapsed when the probability alive falls below this (0 to 1).</summary>
        public double ProbabilityAliveThreshold { get; set; } = 0.3;

        /// <summary>With a fitted model: never sooner than this many days after the last purchase.</summary>
        public int MinimumDaysWithModel { get; set; } = 30;
    }

    public sealed class ReplenishmentSettings
    {
        public bool Enabled { get; set; }
        public int LeadDays { get; set; } = 3;
    }

    public sealed class CouponExpiringSettings
    {
        public bool Enabled { get; set; }
        public int WarningDays { get; set; } = 3;
    }

    public sealed class FeedbackSettings
    {
        public bool Enabled { get; set; }
        public int DelayDays { get; set; } = 7;
        public int CatchUpDays { get; set; } = 3;
    }
}
