using System.Security.Cryptography;
using System.Text;

namespace Retention.Infrastructure.Email;

/// <summary>
/// The <c>Operation-Id</c> header of a send: a name-based UUID (version 5, RFC 9562 §5.5: SHA-1 of namespace + name) of the
/// message's idempotency key. The same message always gets the same operation id, so a retry is the same ACS operation,
/// and the key itself (which may hold a customer id) never leaves the app.
/// </summary>
internal static class AcsOperationId
{
    /// <summary>This app's namespace for email operation ids. Any fixed UUID works; changing it changes every id.</summary>
    public static readonly Guid Namespace = new("3b7d6f2e-8c41-4d0a-9a57-1e6c2f90b4d3");

    public static Guid FromIdempotencyKey(string idempotencyKey) => NameBased(Namespace, idempotencyKey);

    /// <summary>A version 5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 defines for version 5 UUIDs; this is an identifier, not a security measure.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
