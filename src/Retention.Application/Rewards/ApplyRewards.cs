using Retention.Application.Ports;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>
/// The programmes at ingest: after a purchase is recorded (or replayed), and after a refund or cancellation. Runs only
/// when a programme is switched on. The decisions are published before the account is saved, and coupon codes are
/// deterministic, so a failure anywhere leaves nothing half done: the error propagates (the API answers 503), the
/// purchase is already stored, and the storefront's retry replays it and runs this again, which computes the same
/// decisions (the decision log drops those already queued) and then saves the account.
/// </summary>
public sealed class ApplyRewards(IOrderLedger orders, ILoyaltyStore loyalty, DecisionPublisher publisher, CouponCodes codes, RewardSettings settings, TimeProvider clock)
{
    private const int ReferralCodeAttempts = 5;

    public bool Enabled => settings.AnyEnabled;

    public async Task OnPurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        if (!Enabled || purchase.IsTest || await orders.FindCustomerAsync(purchase.CustomerId, cancellationToken) is not { } summary)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var customer = purchase.CustomerId;
        var referrer = await ReferrerAsync(purchase, cancellationToken);
        string CodeFor(string source) => codes.For(customer, source);

        var planned = IngestRules.OnPurchase(purchase, summary, await loyalty.GetAsync(customer, cancellationToken), referrer, now, settings, CodeFor);
        await publisher.PublishAsync(planned.Decisions, cancellationToken);
        if (planned.CreditReferrer is { } referrerId)
        {
            string ReferrerCodeFor(string source) => codes.For(referrerId, source);
            var credit = IngestRules.CreditReferral(await loyalty.GetAsync(referrerId, cancellationToken), customer, now, settings, ReferrerCodeFor);
            await publisher.PublishAsync(credit.Decisions, cancellationToken);
            await loyalty.UpdateAsync(referrerId, current => IngestRules.CreditReferral(current, customer, now, settings, ReferrerCodeFor).Account, cancellationToken);
        }
        var account = await loyalty.UpdateAsync(customer,
            current => IngestRules.OnPurchase(purchase, summary, current, referrer, now, settings, CodeFor).Account, cancellationToken);
        if (settings.Referral.Enabled && account.ReferralCode is null)
        {
            await AssignReferralCodeAsync(account, cancellationToken);
        }
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

    private async Task AssignReferralCodeAsync(LoyaltyAccount account, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ReferralCodeAttempts; attempt++)
        {
            var code = codes.ReferralCode(account.CustomerId, attempt);
            // Reserving our own code again (a retry) succeeds: the index row already names this customer.
            if (await loyalty.TryReserveReferralCodeAsync(code, account.CustomerId, cancellationToken))
            {
                await loyalty.UpdateAsync(account.CustomerId, current => current.ReferralCode is null ? current with { ReferralCode = code } : current, cancellationToken);
                return;
            }
        }
    }
}
