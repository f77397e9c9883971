using System.Buffers.Binary;
using System.Globalization;
using Azure.Data.Tables;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Maps a <see cref="CustomerSummary"/> to its row. The order facts are packed in binary (38 bytes each:
/// key, UTC ticks, offset minutes, decimal bits, currency, flags) so a customer with thousands of orders
/// still fits one row; readable columns (first/last purchase, counted orders) are written beside them for people.
/// </summary>
internal static class CustomerSummaryEntity
{
    private const byte FormatVersion = 1;
    private const int FactSize = 8 + 8 + 2 + 16 + 3 + 1;

    /// <summary>A row holds at most 1 MiB; this leaves room for the other columns.</summary>
    public const int MaxFacts = 24_000;

    public static TableEntity ToEntity(CustomerSummary summary)
    {
        if (summary.Orders.Length > MaxFacts)
        {
            throw new InvalidOperationException($"A customer summary holds at most {MaxFacts} orders.");
        }
        var entity = new TableEntity(TableKeys.CustomerPartition(summary.CustomerId), TableKeys.SummaryRow(summary.CustomerId))
        {
            ["CustomerId"] = summary.CustomerId.Value,
            ["Email"] = summary.Contact.Email?.Value.Value,
            ["EmailAsOf"] = Text(summary.Contact.Email?.At),
            ["Locale"] = summary.Contact.Locale?.Value.Value,
            ["LocaleAsOf"] = Text(summary.Contact.Locale?.At),
            ["MarketingConsent"] = summary.Contact.MarketingConsent?.Value,
            ["MarketingConsentAsOf"] = Text(summary.Contact.MarketingConsent?.At),
            ["FirstName"] = summary.Contact.FirstName?.Value,
            ["FirstNameAsOf"] = Text(summary.Contact.FirstName?.At),
            ["CountedOrders"] = summary.CountedOrderCount,
            ["FirstPurchaseAt"] = summary.FirstPurchaseAt,
            ["LastPurchaseAt"] = summary.LastPurchaseAt,
        };
        ChunkedProperty.WriteBinary(entity, "Facts", Pack(summary.Orders));
        return entity;
    }

    public static CustomerSummary ToSummary(TableEntity entity)
    {
        return new CustomerSummary
        {
            CustomerId = CustomerId.Parse(entity.GetString("CustomerId") ?? throw new InvalidDataException("Summary row lacks CustomerId.")),
            Orders = [.. Unpack(ChunkedProperty.ReadBinary(entity, "Facts") ?? [FormatVersion])],
            Contact = new CustomerContact(
                entity.GetString("Email") is { } email ? new Stamped<EmailAddress>(EmailAddress.Parse(email), Instant(entity, "EmailAsOf")) : null,
                entity.GetString("Locale") is { } locale ? new Stamped<LocaleTag>(LocaleTag.Parse(locale), Instant(entity, "LocaleAsOf")) : null,
                entity.GetBoolean("MarketingConsent") is { } consent ? new Stamped<bool>(consent, Instant(entity, "MarketingConsentAsOf")) : null,
                entity.GetString("FirstName") is { } firstName ? new Stamped<string>(firstName, Instant(entity, "FirstNameAsOf")) : null),
        };
    }

    private static string? Text(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(TableEntity entity, string name) =>
        DateTimeOffset.ParseExact(entity.GetString(name) ?? throw new InvalidDataException($"Summary row lacks {name}."), "O", CultureInfo.InvariantCulture);

    private static byte[] Pack(IReadOnlyList<OrderFact> facts)
    {
        var bytes = new byte[1 + facts.Count * FactSize];
        bytes[0] = FormatVersion;
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var span = bytes.AsSpan(1 + i * FactSize, FactSize);
            BinaryPrimitives.WriteUInt64BigEndian(span, fact.Key.Value);
            BinaryPrimitives.WriteInt64BigEndian(span[8..], fact.PurchasedAt.UtcTicks);
            BinaryPrimitives.WriteInt16BigEndian(span[16..], (short)fact.PurchasedAt.TotalOffsetMinutes);
            decimal.GetBits(fact.NetTotal.Amount, bits);
            for (var b = 0; b < 4; b++)
            {
                BinaryPrimitives.WriteInt32BigEndian(span[(18 + b * 4)..], bits[b]);
            }
            var code = fact.NetTotal.Currency.Code;
            span[34] = (byte)code[0];
            span[35] = (byte)code[1];
            span[36] = (byte)code[2];
            span[37] = fact.Counted ? (byte)1 : (byte)0;
        }
        return bytes;
    }

    private static IEnumerable<OrderFact> Unpack(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes[0] != FormatVersion || (bytes.Length - 1) % FactSize != 0)
        {
            throw new InvalidDataException("Summary facts are not in format version 1.");
        }
        var count = (bytes.Length - 1) / FactSize;
        var bits = new int[4];
        for (var i = 0; i < count; i++)
        {
            var span = bytes.AsSpan(1 + i * FactSize, FactSize);
            var key = new OrderKey(BinaryPrimitives.ReadUInt64BigEndian(span));
            var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16BigEndian(span[16..]));
            var utc = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(span[8..]), TimeSpan.Zero);
            for (var b = 0; b < 4; b++)
            {
                bits[b] = BinaryPrimitives.ReadInt32BigEndian(span[(18 + b * 4)..]);
            }
            var currency = CurrencyCode.Parse(string.Create(3, span[34..37].ToArray(), (chars, ascii) =>
            {
                for (var c = 0; c < 3; c++)
                {
                    chars[c] = (char)ascii[c];
                }
            }));
            yield return new OrderFact(key, utc.ToOffset(offset), new Money(new decimal(bits), currency), span[37] == 1);
        }
    }
}
