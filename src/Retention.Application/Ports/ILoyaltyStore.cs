using Retention.Domain.Customers;
using Retention.Domain.Rewards;

namespace Retention.Application.Ports;

/// <summary>Customers' loyalty accounts (coupons, referral codes) and the referral-code index.</summary>
public interface ILoyaltyStore
{
    /// <summary>The account, or an empty one for a customer the programmes never saw.</summary>
    Task<LoyaltyAccount> GetAsync(CustomerId customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the account atomically: read, apply, write with a concurrency check, retried from a fresh read on a
    /// conflict (so <paramref name="change"/> may run more than once and must depend only on its argument).
    /// </summary>
    Task<LoyaltyAccount> UpdateAsync(CustomerId customerId, Func<LoyaltyAccount, LoyaltyAccount> change, CancellationToken cancellationToken);

    /// <summary>Reserves a referral code for a customer; true also when it is this customer's already, false when it belongs to someone else.</summary>
    Task<bool> TryReserveReferralCodeAsync(string code, CustomerId customerId, CancellationToken cancellationToken);

    /// <summary>Whose referral code this is (case-insensitive), or null.</summary>
    Task<CustomerId?> FindReferrerAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every account, for the nightly rules.</summary>
    IAsyncEnumerable<LoyaltyAccount> ReadAllAsync(CancellationToken cancellationToken);
}
