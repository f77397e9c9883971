using Retention.Application.Messages;
using Retention.Application.Ports;
using Retention.Application.Rewards;
using Retention.Domain.Customers;

namespace Retention.Application.Customers;

/// <summary>Gathers everything we hold about a customer from every store.</summary>
public sealed class ExportCustomer(IOrderLedger orders, IConsentStore consent, ILoyaltyStore loyalty, IMessageLedger messages, IDecisionLog decisions, TimeProvider clock)
{
    /// <summary>Null when we hold nothing about the customer.</summary>
    public async Task<CustomerExport?> ExecuteAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var summary = await orders.FindCustomerAsync(customerId, cancellationToken);
        var orderList = await orders.ReadCustomerOrdersAsync(customerId, cancellationToken);
        var consentRecord = await consent.GetAsync(customerId, cancellationToken);
        var account = await loyalty.GetAsync(customerId, cancellationToken);
        var sent = new List<MessageLedgerEntry>();
        await foreach (var entry in messages.ReadCustomerAsync(customerId, cancellationToken))
        {
            sent.Add(entry);
        }
        var decided = new List<LoggedDecision>();
        await foreach (var decision in decisions.ReadCustomerAsync(customerId, cancellationToken))
        {
            decided.Add(decision);
        }
        if (summary is null && orderList.Count == 0 && consentRecord == Domain.Messages.ConsentRecord.None && account.Coupons.IsEmpty
            && account.ReferralCode is null && sent.Count == 0 && decided.Count == 0)
        {
            return null;
        }
        return new CustomerExport(customerId, clock.GetUtcNow(), summary?.Contact ?? CustomerContact.Unknown, orderList, consentRecord, account, sent, decided);
    }
}
