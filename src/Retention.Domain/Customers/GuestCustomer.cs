using System.Security.Cryptography;
using System.Text;

namespace Retention.Domain.Customers;

/// <summary>
/// The customer id of a guest checkout (no storefront customer id): <c>guest-</c> + the first 32 hex digits of
/// SHA-256 of the lower-cased, trimmed email. Stable, so a guest's orders form one customer across webhooks and
/// imports; not the address itself, so erasing a guest's personal data leaves no email in any key. A hash of an
/// address is still pseudonymous data, not anonymous: whoever holds the address can compute it.
/// </summary>
public static class GuestCustomer
{
    public const string Prefix = "guest-";

    public static CustomerId IdFor(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return CustomerId.Parse(Prefix + Convert.ToHexStringLower(hash)[..32]);
    }
}
