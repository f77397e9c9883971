using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Retention.Domain.Customers;

namespace Retention.Application.Rewards;

/// <summary>
/// Coupon and referral codes: <c>PREFIX-XXXXX-XXXXX</c>, 10 characters from a 31-letter alphabet without look-alikes
/// (no 0/O, 1/I/L), taken from HMAC-SHA256(<c>Rewards:CodeSecret</c>, customer id + coupon source). 31¹⁰ ≈ 8·10¹⁴
/// codes, and without the secret nobody can compute one. Deterministic on purpose: computing the same decision twice
/// (a retried request, a write that lost a race) gives the same code, so the code in a sent email is always the code
/// stored. Coupons are looked up per customer, so two customers sharing a code (odds ~10⁻¹⁵ per pair) harms nobody;
/// referral codes are looked up store-wide and reserved, and a taken one is recomputed with an attempt number.
/// </summary>
public sealed class CouponCodes(IOptions<RewardsOptions> options)
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The code of the coupon with <paramref name="source"/> (<c>thank-you</c>, <c>milestone:5</c>, ...) of a customer.</summary>
    public string For(CustomerId customerId, string source) => Code(PrefixOf(source), customerId.Value + "|" + source);

    /// <summary>The customer's referral code; <paramref name="attempt"/> > 0 after the previous one was taken.</summary>
    public string ReferralCode(CustomerId customerId, int attempt = 0) => Code("REF", customerId.Value + "|referral#" + attempt);

    private static string PrefixOf(string source) =>
        source.StartsWith("thank-you", StringComparison.Ordinal) ? "THX"
        : source.StartsWith("milestone", StringComparison.Ordinal) ? "GIFT"
        : source.StartsWith("referral", StringComparison.Ordinal) ? "FRIEND"
        : source.StartsWith("win-back", StringComparison.Ordinal) ? "BACK"
        : "CODE";

    private string Code(string prefix, string input)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.CodeSecret), Encoding.UTF8.GetBytes(input));
        var value = BinaryPrimitives.ReadUInt64BigEndian(mac);
        Span<char> letters = stackalloc char[10];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }
        return $"{prefix}-{letters[..5]}-{letters[5..]}";
    }
}
