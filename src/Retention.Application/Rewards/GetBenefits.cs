using Retention.Application.Ports;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>Points, tier, active coupons and the referral code of a customer, for the storefront's checkout.</summary>
public sealed class GetBenefits(IOrderLedger orders, ILoyaltyStore loyalty, RewardSettings settings, TimeProvider clock)
{
    /// <summary>Null when we know nothing of the customer.</summary>
    public async Task<Benefits?> ExecuteAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var summary = await orders.FindCustomerAsync(customerId, cancellationToken);
        var account = await loyalty.GetAsync(customerId, cancellationToken);
        if (summary is null && account.Coupons.IsEmpty && account.ReferralCode is null)
        {
            return null;
        }
        summary ??= CustomerSummary.Empty(customerId);
        var now = clock.GetUtcNow();
        var spend = PointsLedger.RollingSpend(summary, now, settings.Currency);
        Tier? tier = null;
        (Tier, decimal)? next = null;
        if (settings.Tiers.Enabled)
        {
            tier = PointsLedger.TierAt(summary, now, settings.Tiers, settings.Currency);
            next = settings.Tiers.Tiers.FirstOrDefault(t => t.Spend > spend) is { } up ? (up, up.Spend - spend) : null;
        }
        return new Benefits(
            customerId,
            settings.Points.Enabled ? PointsLedger.Balance(summary, now, settings.Points, settings.Currency) : null,
            tier,
            spend,
            next,
            [.. account.Coupons.Where(c => c.IsUsableAt(now)).OrderBy(c => c.ExpiresAt)],
            account.ReferralCode,
            settings.Currency.Code)
        {
            PointsHistory = settings.Points.Enabled ? PointsLedger.History(summary, now, settings.Points, settings.Currency) : [],
        };
    }

    /// <summary>Whether <paramref name="code"/> can be used by this customer for a basket of <paramref name="basket"/> now: null when it can, else the reason.</summary>
    public async Task<(Coupon? Coupon, string? WhyNot)> ValidateAsync(CustomerId customerId, string code, Money basket, CancellationToken cancellationToken)
    {
        var account = await loyalty.GetAsync(customerId, cancellationToken);
        var why = IngestRules.WhyNotValid(account, code, basket, clock.GetUtcNow());
        return (account.FindCoupon(code), why);
    }
}
