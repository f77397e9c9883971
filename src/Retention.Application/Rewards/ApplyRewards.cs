using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>
/// The programmes at ingest: after a purchase is recorded (or replayed), and after a refund or cancellation. Runs only
/// when a programme is switched on. A failure here propagates (the API answers 503): the purchase is already stored,
/// and the storefront's retry replays it and runs this again, which decides nothing twice.
/// </summary>
public sealed class ApplyRewards(IOrderLedger orders, ILoyaltyStore loyalty, DecisionPublisher publisher, RewardSettings settings, TimeProvider clock)
{
    public bool Enabled => settings.AnyEnabled;

    public async Task OnPurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        if (!Enabled || purchase.IsTest || await orders.FindCustomerAsync(purchase.CustomerId, cancellationToken) is not { } summary)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var referrer = await ReferrerAsync(purchase, cancellationToken);
        PurchaseRewards? result = null;
        var account = await loyalty.UpdateAsync(purchase.CustomerId, current =>
        {
            result = IngestRules.OnPurchase(purchase, summary, current, referrer, now, settings, NewCode);
            return result.Account;
        }, cancellationToken);
        var decisions = result!.Decisions.ToList();
        if (result.CreditReferrer is { } referrerId)
        {
            PurchaseRewards? credit = null;
            await loyalty.UpdateAsync(referrerId, current =>
            {
                credit = IngestRules.CreditReferral(current, purchase.CustomerId, now, settings, NewCode);
                return credit.Account;
            }, cancellationToken);
            decisions.AddRange(credit!.Decisions);
        }
        if (settings.Referral.Enabled && account.ReferralCode is null)
        {
            await AssignReferralCodeAsync(purchase.CustomerId, cancellationToken);
        }
        await publisher.PublishAsync(decisions, cancellationToken);
    }

    public async Task OnOrderChangedAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        if (!Enabled || await orders.FindOrderAsync(orderId, cancellationToken) is not { } order
            || await orders.FindCustomerAsync(order.Purchase.CustomerId, cancellationToken) is not { } summary)
        {
            return;
        }
        await loyalty.UpdateAsync(summary.CustomerId, current => IngestRules.OnOrderChanged(orderId, summary, current, settings), cancellationToken);
    }

    private async Task<Referrer?> ReferrerAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        if (!settings.Referral.Enabled || purchase.ReferralCode is not { } code || await loyalty.FindReferrerAsync(code, cancellationToken) is not { } referrerId)
        {
            return null;
        }
        var contact = (await orders.FindCustomerAsync(referrerId, cancellationToken))?.Contact;
        return new Referrer(referrerId, contact?.Email?.Value);
    }

    private async Task AssignReferralCodeAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = CouponCodes.New("REF");
            if (await loyalty.TryReserveReferralCodeAsync(code, customerId, cancellationToken))
            {
                await loyalty.UpdateAsync(customerId, current => current.ReferralCode is null ? current with { ReferralCode = code } : current, cancellationToken);
                return;
            }
        }
    }

    private static string NewCode() => CouponCodes.New("GIFT");
}
