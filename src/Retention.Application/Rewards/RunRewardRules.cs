using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>
/// The nightly part of the programmes: decides win-back, replenishment, coupon-expiring, points-expiring and feedback
/// messages as of the end of the store day, queues them, and measures every programme against its holdout. Reads every
/// customer summary twice (category reorder gaps first, then the rules), every account and every decision once.
/// </summary>
public sealed partial class RunRewardRules(
    IOrderLedger orders, ILoyaltyStore loyalty, IDecisionLog decisionLog, IMessageLedger messageLedger, DecisionPublisher publisher,
    CouponCodes codes, RewardSettings settings, ILogger<RunRewardRules> logger)
{
    public bool Enabled => settings.AnyEnabled;

    /// <param name="asOf">The end of the store day.</param>
    /// <param name="models">The night's customer-base model, when fitted: win-back then lapses by probability alive.</param>
    public async Task<RewardRunResult> ExecuteAsync(DateTimeOffset asOf, CancellationToken cancellationToken, Models.CustomerModelRun? models = null)
    {
        var accounts = new Dictionary<CustomerId, LoyaltyAccount>();
        await foreach (var account in loyalty.ReadAllAsync(cancellationToken))
        {
            accounts[account.CustomerId] = account;
        }
        var logged = new List<LoggedDecision>();
        await foreach (var decision in decisionLog.ReadAllAsync(cancellationToken))
        {
            logged.Add(decision);
        }
        var decidedByCustomer = logged.GroupBy(d => d.CustomerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, DateTimeOffset>)g.ToDictionary(d => d.MessageId, d => d.DecidedAt, StringComparer.Ordinal));
        var none = (IReadOnlyDictionary<string, DateTimeOffset>)new Dictionary<string, DateTimeOffset>();

        var gaps = settings.Replenishment.Enabled ? await CategoryGapsAsync(accounts, asOf, cancellationToken) : [];
        var purchaseTimes = new Dictionary<CustomerId, IReadOnlyList<DateTimeOffset>>();
        var customersWithDecisions = decidedByCustomer.Keys.ToHashSet();
        int customers = 0, queued = 0;
        var decided = 0;
        var newDecisions = new List<Decision>();
        await foreach (var summary in orders.ReadAllCustomersAsync(cancellationToken))
        {
            customers++;
            if (settings.AnyEnabled)
            {
                var account = accounts.GetValueOrDefault(summary.CustomerId) ?? LoyaltyAccount.Empty(summary.CustomerId);
                var probabilityAlive = models?.RepeatCustomerProbabilityAlive(summary.CustomerId);
                if (NightlyRules.IsLapsed(summary, asOf, settings.WinBack, probabilityAlive) && summary.LastPurchaseAt is { } last && !Holdout.IsHeldOut(summary.CustomerId, settings.HoldoutPercent))
                {
                    var customer = summary.CustomerId;
                    string CodeFor(string source) => codes.For(customer, source);
                    var withCoupon = NightlyRules.IssueWinBackCoupon(account, last, asOf, settings, CodeFor);
                    if (!ReferenceEquals(withCoupon, account))
                    {
                        account = await loyalty.UpdateAsync(customer, current => NightlyRules.IssueWinBackCoupon(current, last, asOf, settings, CodeFor), cancellationToken);
                    }
                }
                var decisions = NightlyRules.Evaluate(summary, account, asOf, settings, decidedByCustomer.GetValueOrDefault(summary.CustomerId) ?? none,
                    category => gaps.TryGetValue(category, out var days) ? days : null, probabilityAlive);
                var fresh = decisions.Where(d => decidedByCustomer.GetValueOrDefault(summary.CustomerId)?.ContainsKey(d.Message.MessageId) != true).ToList();
                if (fresh.Count > 0)
                {
                    newDecisions.AddRange(fresh);
                    customersWithDecisions.Add(summary.CustomerId);
                }
                if (newDecisions.Count >= 100)
                {
                    queued += await publisher.PublishAsync(newDecisions, cancellationToken);
                    decided += newDecisions.Count;
                    logged.AddRange(newDecisions.Select(ToLogged));
                    newDecisions.Clear();
                }
            }
            if (customersWithDecisions.Contains(summary.CustomerId))
            {
                purchaseTimes[summary.CustomerId] = [.. summary.CountedOrders.Select(o => o.PurchasedAt)];
            }
        }
        queued += await publisher.PublishAsync(newDecisions, cancellationToken);
        decided += newDecisions.Count;
        logged.AddRange(newDecisions.Select(ToLogged));

        var sent = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var id in messageLedger.ReadSentMessageIdsAsync(cancellationToken))
        {
            sent.Add(id);
        }
        var records = logged.Select(d => new DecisionRecord(d.CustomerId, d.MessageId, d.Programme, d.DecidedAt, d.HeldOut, sent.Contains(d.MessageId)));
        var programmes = ProgrammeUplift.Compute(records,
            customer => purchaseTimes.GetValueOrDefault(customer) ?? [], asOf, settings.ConversionDays);
        LogRun(customers, decided, queued);
        return new RewardRunResult(decided, queued, programmes);
    }

    private LoggedDecision ToLogged(Decision decision)
    {
        var message = decision.Message;
        return new LoggedDecision(message.CustomerId, message.MessageId, decision.Programme, message.CreatedAt,
            message.Type.IsMarketing && Holdout.IsHeldOut(message.CustomerId, settings.HoldoutPercent), true);
    }

    /// <summary>
    /// The median reorder gap of each category, in days: the median, over customers with at least two counted
    /// purchases whose last order had that category, of their own median gap.
    /// </summary>
    private async Task<Dictionary<string, double>> CategoryGapsAsync(Dictionary<CustomerId, LoyaltyAccount> accounts, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var byCategory = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        await foreach (var summary in orders.ReadAllCustomersAsync(cancellationToken))
        {
            if (!accounts.TryGetValue(summary.CustomerId, out var account) || account.LastOrderCategories.Length == 0)
            {
                continue;
            }
            var median = NightlyRules.Median(NightlyRules.Gaps([.. summary.CountedOrders.Where(o => o.PurchasedAt <= asOf)]));
            if (median is not { } days)
            {
                continue;
            }
            foreach (var category in account.LastOrderCategories)
            {
                (byCategory.TryGetValue(category, out var list) ? list : byCategory[category] = []).Add(days);
            }
        }
        return byCategory.ToDictionary(p => p.Key, p => NightlyRules.Median(p.Value)!.Value, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reward rules: {Customers} customers, {Decided} new decisions, {Queued} messages queued")]
    private partial void LogRun(int customers, int decided, int queued);
}
