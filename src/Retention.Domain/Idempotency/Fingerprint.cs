using System.Security.Cryptography;
using System.Text;

namespace Retention.Domain.Idempotency;

/// <summary>
/// The SHA-256 of a request's canonical form, as 64 lower-case hex digits. Two requests with the same
/// key (order id, refund id) and the same fingerprint are the same request; a different fingerprint is a conflict.
/// </summary>
public readonly record struct Fingerprint
{
    private Fingerprint(string value) => Value = value;

    public string Value { get; }

    /// <summary>Fingerprints a canonical UTF-8 representation.</summary>
    public static Fingerprint Of(ReadOnlySpan<byte> canonicalUtf8) =>
        new(Convert.ToHexStringLower(SHA256.HashData(canonicalUtf8)));

    /// <summary>Restores a stored fingerprint; throws when it is not 64 hex digits.</summary>
    public static Fingerprint Parse(string value) =>
        value.Length == 64 && value.All(char.IsAsciiHexDigitLower)
            ? new Fingerprint(value)
            : throw new FormatException("A fingerprint is 64 lower-case hex digits.");

    /// <summary>Fingerprints a canonical text.</summary>
    public static Fingerprint Of(string canonical) => Of(Encoding.UTF8.GetBytes(canonical));

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
