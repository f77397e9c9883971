using System.Globalization;
using System.Text.Json;
using Retention.Domain;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Application.Messages;

/// <summary>
/// The JSON body of a queue message, version <see cref="RetentionMessage.SchemaVersion"/> (<c>docs/messages.md</c>).
/// Writing and reading are exact inverses; reading is strict, because a message nobody can render must be
/// dead-lettered with a reason rather than sent half-filled.
/// </summary>
public static class MessageContract
{
    /// <summary>The content type set on queue messages.</summary>
    public const string ContentType = "application/json";

    public static byte[] Serialize(RetentionMessage message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", RetentionMessage.SchemaVersion);
            w.WriteString("messageId", message.MessageId);
            w.WriteString("type", message.Type.Name);
            w.WriteString("customerId", message.CustomerId.Value);
            if (message.Locale is { } locale)
            {
                w.WriteString("locale", locale.Value);
            }
            w.WriteString("createdAt", message.CreatedAt);
            w.WritePropertyName("data");
            WriteData(w, message.Data);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a body; on failure <paramref name="rejection"/> says why, naming the field.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out RetentionMessage? message, out MessageRejection? rejection)
    {
        message = null;
        rejection = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            rejection = new MessageRejection(MessageRejection.InvalidJson, $"The body is not JSON: {ex.Message}");
            return false;
        }
        using (document)
        {
            try
            {
                message = Read(document.RootElement);
            }
            catch (ContractException ex)
            {
                rejection = new MessageRejection(ex.Reason, ex.Message);
                return false;
            }
        }
        var errors = MessageRules.Check(message);
        if (errors.Count > 0)
        {
            rejection = new MessageRejection(MessageRejection.InvalidMessage, Describe(errors));
            message = null;
            return false;
        }
        return true;
    }

    private static string Describe(IReadOnlyDictionary<string, FieldError> errors) =>
        string.Join("; ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value.Reason}"));

    private static RetentionMessage Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("$", "must be a JSON object");
        }
        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
        {
            throw Invalid("$.schemaVersion", "is required: a whole number");
        }
        if (v != RetentionMessage.SchemaVersion)
        {
            throw new ContractException(MessageRejection.UnsupportedSchemaVersion,
                $"$.schemaVersion is {v}; this dispatcher reads version {RetentionMessage.SchemaVersion} only (deploy the newer dispatcher, then resubmit).");
        }
        var typeName = RequiredString(root, "$", "type");
        if (!MessageType.TryParse(typeName, out var type))
        {
            throw new ContractException(MessageRejection.UnknownType,
                $"$.type '{typeName}' is not one of {string.Join(", ", MessageType.All.Select(t => t.Name))}.");
        }
        var customer = RequiredString(root, "$", "customerId");
        if (!CustomerId.TryParse(customer, out var customerId, out var customerError))
        {
            throw Invalid("$.customerId", customerError.Reason);
        }
        LocaleTag? locale = null;
        if (OptionalString(root, "$", "locale") is { } localeText)
        {
            locale = LocaleTag.TryParse(localeText, out var parsed, out var localeError) ? parsed : throw Invalid("$.locale", localeError.Reason);
        }
        var data = root.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null
            ? ReadData(dataElement)
            : MessageData.Empty;
        return new RetentionMessage(RequiredString(root, "$", "messageId"), type, customerId, locale, RequiredInstant(root, "$", "createdAt"), data);
    }

    private static MessageData ReadData(JsonElement data)
    {
        const string path = "$.data";
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "must be a JSON object");
        }
        OrderId? orderId = null;
        if (OptionalString(data, path, "orderId") is { } orderText)
        {
            orderId = OrderId.TryParse(orderText, out var parsed, out var error) ? parsed : throw Invalid("$.data.orderId", error.Reason);
        }
        Uri? reviewUrl = null;
        if (OptionalString(data, path, "reviewUrl") is { } urlText)
        {
            reviewUrl = Uri.TryCreate(urlText, UriKind.Absolute, out var url) ? url : throw Invalid("$.data.reviewUrl", "must be an absolute http or https address");
        }
        return new MessageData
        {
            OrderId = orderId,
            Items = data.TryGetProperty("items", out var items) && items.ValueKind != JsonValueKind.Null ? [.. ReadItems(items)] : [],
            Coupon = data.TryGetProperty("coupon", out var coupon) && coupon.ValueKind != JsonValueKind.Null ? ReadCoupon(coupon) : null,
            Points = OptionalInt64(data, path, "points"),
            PointsBalance = OptionalInt64(data, path, "pointsBalance"),
            Tier = OptionalString(data, path, "tier"),
            PreviousTier = OptionalString(data, path, "previousTier"),
            OrderCount = (int?)OptionalInt64(data, path, "orderCount", int.MaxValue),
            LastPurchaseAt = OptionalInstant(data, path, "lastPurchaseAt"),
            DueAt = OptionalInstant(data, path, "dueAt"),
            PointsExpireAt = OptionalInstant(data, path, "pointsExpireAt"),
            ReviewUrl = reviewUrl,
        };
    }

    private static IEnumerable<MessageItem> ReadItems(JsonElement items)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("$.data.items", "must be an array");
        }
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"$.data.items[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "must be a JSON object");
            }
            yield return new MessageItem(RequiredString(item, path, "name"), (int)(OptionalInt64(item, path, "quantity", int.MaxValue) ?? 1), OptionalString(item, path, "sku"));
        }
    }

    private static CouponOffer ReadCoupon(JsonElement coupon)
    {
        const string path = "$.data.coupon";
        if (coupon.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "must be a JSON object");
        }
        var code = RequiredString(coupon, path, "code");
        var percentOff = OptionalDecimal(coupon, path, "percentOff");
        var amountOff = OptionalDecimal(coupon, path, "amountOff");
        var minimumSpend = OptionalDecimal(coupon, path, "minimumSpend");
        CurrencyCode? currency = null;
        if (OptionalString(coupon, path, "currency") is { } currencyText)
        {
            currency = CurrencyCode.TryParse(currencyText, out var parsed, out var error) ? parsed : throw Invalid(path + ".currency", error.Reason);
        }
        if ((amountOff is not null || minimumSpend is not null) && currency is null)
        {
            throw Invalid(path + ".currency", "is required with amountOff or minimumSpend");
        }
        return new CouponOffer(code, percentOff, Amount(amountOff, currency, path + ".amountOff"), Amount(minimumSpend, currency, path + ".minimumSpend"),
            RequiredInstant(coupon, path, "expiresAt"));
    }

    private static Money? Amount(decimal? amount, CurrencyCode? currency, string path) =>
        amount is not { } value ? null
        : Money.TryCreate(value, currency!.Value, out var money, out var error) ? money
        : throw Invalid(path, error.Reason);

    private static void WriteData(Utf8JsonWriter w, MessageData data)
    {
        w.WriteStartObject();
        if (data.OrderId is { } orderId)
        {
            w.WriteString("orderId", orderId.Value);
        }
        if (data.Items.Length > 0)
        {
            w.WriteStartArray("items");
            foreach (var item in data.Items)
            {
                w.WriteStartObject();
                w.WriteString("name", item.Name);
                w.WriteNumber("quantity", item.Quantity);
                if (item.Sku is not null)
                {
                    w.WriteString("sku", item.Sku);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (data.Coupon is { } coupon)
        {
            w.WriteStartObject("coupon");
            w.WriteString("code", coupon.Code);
            if (coupon.PercentOff is { } percent)
            {
                w.WriteNumber("percentOff", percent);
            }
            var currency = coupon.AmountOff?.Currency ?? coupon.MinimumSpend?.Currency;
            if (currency is { } c)
            {
                w.WriteString("currency", c.Code);
            }
            if (coupon.AmountOff is { } amountOff)
            {
                w.WriteString("amountOff", amountOff.FormatAmount());
            }
            if (coupon.MinimumSpend is { } minimum)
            {
                w.WriteString("minimumSpend", minimum.FormatAmount());
            }
            w.WriteString("expiresAt", coupon.ExpiresAt);
            w.WriteEndObject();
        }
        WriteOptional(w, "points", data.Points);
        WriteOptional(w, "pointsBalance", data.PointsBalance);
        WriteOptional(w, "orderCount", data.OrderCount);
        if (data.Tier is not null)
        {
            w.WriteString("tier", data.Tier);
        }
        if (data.PreviousTier is not null)
        {
            w.WriteString("previousTier", data.PreviousTier);
        }
        if (data.LastPurchaseAt is { } last)
        {
            w.WriteString("lastPurchaseAt", last);
        }
        if (data.DueAt is { } due)
        {
            w.WriteString("dueAt", due);
        }
        if (data.PointsExpireAt is { } expires)
        {
            w.WriteString("pointsExpireAt", expires);
        }
        if (data.ReviewUrl is { } url)
        {
            w.WriteString("reviewUrl", url.AbsoluteUri);
        }
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static string RequiredString(JsonElement obj, string path, string name) =>
        OptionalString(obj, path, name) ?? throw Invalid($"{path}.{name}", "is required");

    private static string? OptionalString(JsonElement obj, string path, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid($"{path}.{name}", "must be a string");
    }

    private static long? OptionalInt64(JsonElement obj, string path, string name, long max = long.MaxValue)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number <= max
            ? number
            : throw Invalid($"{path}.{name}", "must be a whole number");
    }

    private static decimal? OptionalDecimal(JsonElement obj, string path, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }
        return value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Invalid($"{path}.{name}", "must be a number or a numeric string");
    }

    private static DateTimeOffset RequiredInstant(JsonElement obj, string path, string name) =>
        OptionalInstant(obj, path, name) ?? throw Invalid($"{path}.{name}", "is required");

    private static DateTimeOffset? OptionalInstant(JsonElement obj, string path, string name) =>
        OptionalString(obj, path, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && HasOffset(text) ? at
        : throw Invalid($"{path}.{name}", "must be an ISO 8601 time with an offset, such as 2026-11-24T10:15:00Z");

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static ContractException Invalid(string path, string reason) => new(MessageRejection.InvalidMessage, $"{path} {reason}");

    private sealed class ContractException(string reason, string message) : Exception(message)
    {
        public string Reason { get; } = reason;
    }
}
