namespace Retention.Domain.Rewards;

/// <summary>
/// Lapsed = no counted purchase for max(<see cref="GapMultiplier"/> × the customer's median gap, <see cref="DefaultDays"/>).
/// One touch per lapse; a second touch <see cref="SecondTouchDays"/> after the first (0: none). Customers whose last
/// purchase is older than <see cref="MaxDaysSinceLastPurchase"/> are left alone. <see cref="PercentOff"/> 0: no coupon.
/// Once the nightly job has fitted the customer-base model, lapsed = probability alive below
/// <see cref="ProbabilityAliveThreshold"/> instead, and at least <see cref="MinimumDaysWithModel"/> days since the last purchase.
/// </summary>
public sealed record WinBackRule(
    bool Enabled = false,
    double GapMultiplier = 3,
    int DefaultDays = 90,
    int SecondTouchDays = 14,
    decimal PercentOff = 10m,
    int ValidDays = 14,
    int MaxDaysSinceLastPurchase = 730,
    double ProbabilityAliveThreshold = 0.3,
    int MinimumDaysWithModel = 30);
