using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Retention.Domain.Customers;

namespace Retention.Domain.Rewards;

/// <summary>
/// The holdout group: a stable share of customers chosen by a hash of their id, so the same customer is always in or
/// always out, across nights, processes and deployments, and the group cannot be picked by hand.
/// </summary>
public static class Holdout
{
    /// <summary>
    /// True when the customer is in the holdout for <paramref name="percent"/> (0 to 100): the first 4 bytes of
    /// SHA-256("holdout|" + id) as a number in [0, 1) fall below percent / 100.
    /// </summary>
    public static bool IsHeldOut(CustomerId customerId, decimal percent)
    {
        if (percent <= 0)
        {
            return false;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("holdout|" + customerId.Value));
        var position = BinaryPrimitives.ReadUInt32BigEndian(hash) / 4294967296m;
        return position < percent / 100m;
    }
}
