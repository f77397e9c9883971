using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>
/// Reads a JSON array of WooCommerce REST API v3 orders (what <c>GET /wp-json/wc/v3/orders</c> returns; pages joined into
/// one array), or a single order object (a webhook body). Status processing and completed are paid; refunded is paid and
/// refunded in full; cancelled is paid and cancelled when the order has a payment date, otherwise skipped; every other
/// status (pending, on-hold, failed, …) is skipped with its name as the reason. Each order's <c>refunds</c> become refunds
/// <c>woo-{id}</c>. Customers, refunds and cancellations are mapped as the WooCommerce webhook maps them (docs/webhooks.md),
/// so that an order that arrives both ways is one purchase. Problems name the line where the order starts and the field.
/// </summary>
internal sealed class WooCommerceJsonReader(ImportContext context)
{
    /// <summary>Refund ids are <c>woo-{refund id}</c>, as the webhooks file them, so an order's refunds are the same either way.</summary>
    public const string RefundIdPrefix = "woo-";

    /// <summary>The id of the refund that makes up the rest of an order whose status is refunded but whose refunds add up to less.</summary>
    public const string StatusRefundId = RefundIdPrefix + "status-refunded";

    private static readonly string[] Paid = ["processing", "completed", "refunded", "cancelled"];

    /// <summary>All orders of the file, read whole.</summary>
    public List<ImportItem> Read(string first, int firstLine, TextReader rest)
    {
        var bytes = Encoding.UTF8.GetBytes(first + "\n" + rest.ReadToEnd());
        return [.. Split(bytes, firstLine).Select(o => ToItem(o.Line, o.Order))];
    }

    /// <summary>The orders of the file, each with the line its object starts on.</summary>
    private static List<(int Line, JsonElement Order)> Split(byte[] bytes, int firstLine)
    {
        var orders = new List<(int, JsonElement)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var line = firstLine;
        var counted = 0L;
        try
        {
            if (!reader.Read())
            {
                return orders;
            }
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                using var single = JsonDocument.ParseValue(ref reader);
                orders.Add((line, single.RootElement.Clone()));
                return orders;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException($"Line {firstLine}: a WooCommerce orders file is a JSON array of orders ([{{\"id\": 727, …}}, …]).");
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                line += bytes.AsSpan((int)counted, (int)(reader.TokenStartIndex - counted)).Count((byte)'\n');
                counted = reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new FormatException($"Line {line}: expected an order object ({{\"id\": 727, …}}), found {reader.TokenType}.");
                }
                using var order = JsonDocument.ParseValue(ref reader);
                orders.Add((line, order.RootElement.Clone()));
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Line {firstLine + (ex.LineNumber ?? 0)}: not valid JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.')}).", ex);
        }
        return orders;
    }

    private ImportItem ToItem(int line, JsonElement order)
    {
        var idText = Text(order, "id");
        var label = idText is null ? "order" : $"order {idText}";
        ImportItem Bad(string field, string reason) => ImportItem.Bad(new ImportProblem(line, $"{label}, field \"{field}\"", reason));

        if (order.ValueKind != JsonValueKind.Object)
        {
            return ImportItem.Bad(new ImportProblem(line, null, "must be an order object"));
        }
        if (!OrderId.TryParse(idText, out var orderId, out var idError))
        {
            return Bad("id", idError.Reason);
        }
        if (Text(order, "status")?.ToLowerInvariant() is not { } status)
        {
            return Bad("status", "is required");
        }
        var paidText = Text(order, "date_paid_gmt");
        if (!Paid.Contains(status))
        {
            return ImportItem.Skip(line, SkipReasons.NotPaid("status", status));
        }
        if (status == "cancelled" && paidText is null)
        {
            return ImportItem.Skip(line, "status cancelled before payment (no date_paid_gmt)");
        }

        var billing = order.TryGetProperty("billing", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var emailText = billing.ValueKind == JsonValueKind.Object ? Text(billing, "email") : null;
        var customerNumber = Text(order, "customer_id");
        var registered = customerNumber is not null && customerNumber != "0";
        // customer_id 0 is a guest: the email's guest id stands for the customer, as in the webhooks.
        var customerText = registered ? customerNumber : emailText is null ? null : GuestCustomer.IdFor(emailText).Value;
        if (customerText is null)
        {
            return ImportItem.Skip(line, SkipReasons.GuestWithoutEmail);
        }
        if (!CustomerId.TryParse(customerText, out var customerId, out var customerError))
        {
            return Bad(registered ? "customer_id" : "billing.email", customerError.Reason);
        }
        EmailAddress? email = null;
        if (emailText is not null)
        {
            if (!EmailAddress.TryParse(emailText, out var parsed, out var emailError))
            {
                return Bad("billing.email", emailError.Reason);
            }
            email = parsed;
        }

        var dateField = paidText is not null ? "date_paid_gmt" : "date_created_gmt";
        var dateText = paidText ?? Text(order, "date_created_gmt");
        if (ImportValues.ParseUtc(dateText) is not { } purchasedAt)
        {
            return Bad(dateField, dateText is null ? "is required (date_paid_gmt or date_created_gmt)" : ImportValues.NotADate(dateText));
        }
        if (PurchaseRules.CheckPurchasedAt(purchasedAt, context.Now) is { } timeError)
        {
            return Bad(dateField, timeError.Reason);
        }
        if (!CurrencyCode.TryParse(Text(order, "currency"), out var currency, out var currencyError))
        {
            return Bad("currency", currencyError.Reason);
        }
        var totalText = Text(order, "total");
        if (!ImportValues.TryDecimal(totalText, out var totalValue))
        {
            return Bad("total", totalText is null ? "is required" : ImportValues.NotANumber(totalText));
        }
        if (!Money.TryCreate(totalValue, currency, out var total, out var totalError))
        {
            return Bad("total", totalError.Reason);
        }

        var lines = new List<PurchaseLine>();
        var index = 0;
        foreach (var item in Array(order, "line_items"))
        {
            var path = $"line_items[{index++}]";
            var name = Text(item, "name") is { } raw ? WebUtility.HtmlDecode(raw) : null;
            var sku = Text(item, "sku") ?? ProductSku(item) ?? (name is null ? null : ImportLines.SkuFromName(name));
            if (sku is null || PurchaseRules.CheckText(sku) is not null)
            {
                return Bad(path + ".sku", sku is null ? "is empty, and the line has no product_id or name" : PurchaseRules.CheckText(sku)!.Reason);
            }
            var quantityText = Text(item, "quantity");
            if (!ImportValues.TryWhole(quantityText, out var quantity) || PurchaseRules.CheckQuantity(quantity) is not null)
            {
                return Bad(path + ".quantity", $"must be a whole number from 1 to {PurchaseRules.MaxQuantity} (got '{ImportValues.Shorten(quantityText)}')");
            }
            // WooCommerce computes price as a float (line subtotal / quantity); one with more decimals than the currency has
            // is left out rather than rounded, since only the order total counts in metrics.
            decimal? unitPrice = ImportValues.TryDecimal(Text(item, "price"), out var price) && PurchaseRules.CheckUnitPrice(price, currency) is null ? price : null;
            lines.Add(new PurchaseLine(sku, (int)quantity, unitPrice, null, ImportLines.Name(name)));
        }
        var codes = new List<string>();
        index = 0;
        foreach (var coupon in Array(order, "coupon_lines"))
        {
            var path = $"coupon_lines[{index++}].code";
            if (Text(coupon, "code") is not { } code)
            {
                return Bad(path, "is required");
            }
            if (PurchaseRules.CheckText(code) is { } codeError)
            {
                return Bad(path, codeError.Reason);
            }
            if (!codes.Contains(code) && codes.Count < PurchaseRules.MaxDiscountCodes)
            {
                codes.Add(code);
            }
        }

        var refunds = ImmutableArray.CreateBuilder<(OrderId, RefundRequest)>();
        var refunded = 0m;
        index = 0;
        foreach (var refund in Array(order, "refunds"))
        {
            var path = $"refunds[{index++}]";
            var refundIdText = Text(refund, "id");
            if (!RefundId.TryParse(refundIdText is null ? null : RefundIdPrefix + refundIdText, out var refundId, out var refundIdError))
            {
                return Bad(path + ".id", refundIdText is null ? "is required" : refundIdError.Reason);
            }
            var amountText = Text(refund, "total");
            if (!ImportValues.TryDecimal(amountText, out var amount))
            {
                return Bad(path + ".total", amountText is null ? "is required" : ImportValues.NotANumber(amountText));
            }
            // WooCommerce writes refund totals as negative numbers.
            amount = Math.Abs(amount);
            if (amount == 0)
            {
                continue;
            }
            if (!Money.TryCreate(amount, currency, out _, out var amountError))
            {
                return Bad(path + ".total", amountError.Reason);
            }
            refunded += amount;
            var reason = ImportValues.Reason(Text(refund, "reason") ?? Text(refund, "refund"));
            refunds.Add((orderId, new RefundRequest(refundId, amount, null, reason)));
        }
        if (refunded > total.Amount)
        {
            return Bad("refunds", $"add up to {refunded.ToString(CultureInfo.InvariantCulture)}, more than the order's total {total.FormatAmount()}");
        }
        if (status == "refunded" && refunded < total.Amount)
        {
            refunds.Add((orderId, new RefundRequest(RefundId.Parse(StatusRefundId), total.Amount - refunded, null, "status refunded")));
        }
        CancelRequest? cancel = null;
        if (status == "cancelled")
        {
            cancel = new CancelRequest(ImportValues.ParseUtc(Text(order, "date_modified_gmt")) is { } modified && modified >= purchasedAt ? modified : null,
                "cancelled in WooCommerce");
        }

        var notes = new List<string>();
        return new ImportItem
        {
            Line = line,
            Purchase = new Purchase
            {
                OrderId = orderId,
                CustomerId = customerId,
                PurchasedAt = purchasedAt,
                Total = total,
                Email = email,
                FirstName = billing.ValueKind == JsonValueKind.Object ? ImportLines.FirstName(Text(billing, "first_name")) : null,
                Lines = ImportLines.Fit(lines, notes),
                DiscountCodes = [.. codes],
            },
            Refunds = refunds.ToImmutable(),
            Cancel = cancel,
            Notes = [.. notes],
        };
    }

    /// <summary>The product (and variation) id as a sku, for lines whose sku is empty.</summary>
    private static string? ProductSku(JsonElement item)
    {
        var product = Text(item, "product_id");
        if (product is null or "0")
        {
            return null;
        }
        var variation = Text(item, "variation_id");
        return variation is null or "0" ? $"product-{product}" : $"product-{product}-{variation}";
    }

    /// <summary>A string or number property as text (trimmed); null when missing, null or empty.</summary>
    private static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
