namespace Retention.Domain.Rewards;

public enum CouponState
{
    Active,
    Redeemed,

    /// <summary>Taken back: the purchase that earned it was refunded or cancelled before the coupon was used.</summary>
    Voided,
}
