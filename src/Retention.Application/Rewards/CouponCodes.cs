using System.Security.Cryptography;

namespace Retention.Application.Rewards;

/// <summary>
/// Fresh codes: 10 characters from a 31-letter alphabet without look-alikes (no 0/O, 1/I/L), drawn from the
/// operating system's cryptographic generator: 31^10 ≈ 8·10^14 codes, so guessing one is hopeless; shown in groups as
/// <c>PREFIX-XXXXX-XXXXX</c>.
/// </summary>
public static class CouponCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(string prefix)
    {
        Span<char> letters = stackalloc char[10];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{prefix}-{letters[..5]}-{letters[5..]}";
    }
}
