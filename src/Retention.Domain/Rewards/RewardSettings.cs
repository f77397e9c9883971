using Retention.Domain.Amounts;

namespace Retention.Domain.Rewards;

/// <summary>
/// Which programmes run and with which numbers. Every programme is off until the store switches it on; the numbers
/// are the defaults of DESIGN.md "Rules". Amounts are in <see cref="Currency"/>; days are whole 24-hour days.
/// </summary>
public sealed record RewardSettings
{
    public static readonly RewardSettings Off = new();

    public CurrencyCode Currency { get; init; } = CurrencyCode.Parse("USD");

    /// <summary>Rules at ingest fire only for purchases at most this many days old, so a backfill mails nobody.</summary>
    public int IngestMaxAgeDays { get; init; } = 2;

    public ThankYouRule ThankYou { get; init; } = new();
    public MilestoneRule Milestone { get; init; } = new();
    public PointsRule Points { get; init; } = new();
    public TierRule Tiers { get; init; } = new();
    public ReferralRule Referral { get; init; } = new();
    public WinBackRule WinBack { get; init; } = new();
    public ReplenishmentRule Replenishment { get; init; } = new();
    public CouponExpiringRule CouponExpiring { get; init; } = new();
    public FeedbackRule Feedback { get; init; } = new();

    /// <summary>Share of customers (0 to 100 %) who never get marketing messages, to measure uplift against.</summary>
    public decimal HoldoutPercent { get; init; } = 10m;

    /// <summary>A decision converted when the customer bought within this many days after it.</summary>
    public int ConversionDays { get; init; } = 30;

    public bool AnyEnabled =>
        ThankYou.Enabled || Milestone.Enabled || Points.Enabled || Tiers.Enabled || Referral.Enabled || WinBack.Enabled
        || Replenishment.Enabled || CouponExpiring.Enabled || Feedback.Enabled;
}
