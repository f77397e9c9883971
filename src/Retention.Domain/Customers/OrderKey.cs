using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Retention.Domain.Orders;

namespace Retention.Domain.Customers;

/// <summary>
/// A compact, stable stand-in for an order id inside a customer summary: the first 8 bytes of the
/// SHA-256 of the id. Within one customer's orders a collision is as likely as 1 in 2^64 per pair.
/// </summary>
public readonly record struct OrderKey(ulong Value)
{
    public static OrderKey For(OrderId orderId) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(orderId.Value))));
}
