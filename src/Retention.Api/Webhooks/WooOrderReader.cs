using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Retention.Api.Json;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using static Retention.Api.Webhooks.WebhookJson;

namespace Retention.Api.Webhooks;

/// <summary>
/// Maps WooCommerce webhook bodies (the REST API v3 Order resource) to domain objects; docs/webhooks.md has the table.
/// Times are the <c>*_gmt</c> fields, which are UTC without a marker. Refunds come inside the order (<c>refunds[]</c>,
/// totals written as negative strings).
/// </summary>
internal static class WooOrderReader
{
    /// <summary>Refund ids are <c>woo-{refund id}</c>.</summary>
    public const string RefundIdPrefix = "woo-";

    /// <summary>The refund that makes up the rest of an order whose status is <c>refunded</c> but whose refunds add up to less.</summary>
    public const string StatusRefundId = RefundIdPrefix + "status-refunded";

    /// <summary>Statuses of a paid order (a cancelled one counts as paid when it has a payment date).</summary>
    public static readonly string[] PaidStatuses = ["processing", "completed", "refunded"];

    /// <summary>Just the order id (<c>order.deleted</c> may carry nothing else).</summary>
    public static OrderId? ReadOrderId(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a JSON object (a WooCommerce order)");
            return null;
        }
        if (OrderId.TryParse(Text(root, "id"), out var orderId, out var error))
        {
            return orderId;
        }
        errors.Add("$.id", error.Reason);
        return null;
    }

    public static WebhookOrder? ReadOrder(JsonElement root, DateTimeOffset now, ValidationErrors errors)
    {
        if (ReadOrderId(root, errors) is not { } orderId)
        {
            return null;
        }
        var status = Text(root, "status")?.ToLowerInvariant();
        var paidText = Text(root, "date_paid_gmt");
        var dropped = new List<string>();
        var purchase = ReadPurchase(root, orderId, paidText, now, errors, dropped);

        var refunds = ImmutableArray.CreateBuilder<WebhookRefund>();
        var refunded = 0m;
        foreach (var (index, item) in Items(root, "refunds"))
        {
            var path = $"$.refunds[{index}]";
            var idText = Text(item, "id");
            if (!RefundId.TryParse(idText is null ? null : RefundIdPrefix + idText, out var refundId, out var idError))
            {
                errors.Add(path + ".id", idText is null ? "is required" : idError.Reason);
                continue;
            }
            if (!TryDecimal(Text(item, "total"), out var amount))
            {
                errors.Add(path + ".total", "must be a number such as -10.00");
                continue;
            }
            // WooCommerce writes refund totals as negative numbers; a zero refund moved no money.
            amount = Math.Abs(amount);
            if (amount == 0)
            {
                continue;
            }
            refunded += amount;
            refunds.Add(new WebhookRefund(new RefundRequest(refundId, amount, null, Reason(Text(item, "reason") ?? Text(item, "refund"))), path + ".total", path));
        }
        if (purchase is not null && refunded > purchase.Total.Amount)
        {
            errors.Add("$.refunds", $"add up to {refunded.ToString(CultureInfo.InvariantCulture)}, more than the order's total {purchase.Total.FormatAmount()}");
        }
        else if (purchase is not null && status == "refunded" && refunded < purchase.Total.Amount)
        {
            refunds.Add(new WebhookRefund(
                new RefundRequest(RefundId.Parse(StatusRefundId), purchase.Total.Amount - refunded, null, "status refunded"), "$.total", "$.status"));
        }

        // The time of the last change is the best time of the cancellation the payload has; before the purchase it is not used.
        var modified = Utc(Text(root, "date_modified_gmt"));
        var cancelledAt = modified is { } m && purchase is not null && m >= purchase.PurchasedAt ? modified : null;
        return new WebhookOrder
        {
            OrderId = orderId,
            Purchase = purchase,
            Status = status,
            HasCustomer = Text(root, "customer_id") is not (null or "0") || Text(Object(root, "billing"), "email") is not null,
            IsPaid = paidText is not null || (status is not null && PaidStatuses.Contains(status)),
            Refunds = refunds.ToImmutable(),
            Cancel = new CancelRequest(cancelledAt, "cancelled in WooCommerce"),
            CancelPath = "$.date_modified_gmt",
            Dropped = [.. dropped],
        };
    }

    private static Purchase? ReadPurchase(JsonElement root, OrderId orderId, string? paidText, DateTimeOffset now, ValidationErrors errors, List<string> dropped)
    {
        var before = errors.Count;
        var billing = Object(root, "billing");
        var emailText = Text(billing, "email");

        // customer_id 0 is a guest: a hash of the billing email stands for the customer (docs/webhooks.md, "Guest customers").
        var customerNumber = Text(root, "customer_id");
        var registered = customerNumber is not null && customerNumber != "0";
        var customerText = registered ? customerNumber : emailText is null ? null : GuestCustomer.IdFor(emailText).Value;
        // None at all is an anonymous sale: not an error; the endpoint answers it as ignored (WebhookOrder.HasCustomer).
        CustomerId? customerId = null;
        if (customerText is not null)
        {
            if (CustomerId.TryParse(customerText, out var parsedCustomer, out var customerError))
            {
                customerId = parsedCustomer;
            }
            else
            {
                errors.Add(registered ? "$.customer_id" : "$.billing.email", customerError.Reason);
            }
        }

        var timePath = paidText is not null ? "$.date_paid_gmt" : "$.date_created_gmt";
        var purchasedAt = WebhookValues.RequiredInstant(paidText ?? Text(root, "date_created_gmt"), timePath,
            "is required (date_paid_gmt or date_created_gmt)", now, errors, utc: true);
        var currency = WebhookValues.RequiredCurrency(Text(root, "currency"), "$.currency", errors);
        var total = WebhookValues.RequiredTotal(Text(root, "total"), "$.total", currency, errors);

        EmailAddress? email = null;
        if (emailText is not null)
        {
            if (EmailAddress.TryParse(emailText, out var parsedEmail, out _))
            {
                email = parsedEmail;
            }
            else
            {
                dropped.Add("$.billing.email");
            }
        }
        // The first word, as the importer keeps it, so that an imported order and its webhook are the same purchase.
        var firstName = Text(billing, "first_name")?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (firstName is not null && PurchaseRules.CheckFirstName(firstName) is not null)
        {
            dropped.Add("$.billing.first_name");
            firstName = null;
        }

        var lines = WebhookLines.Build(
            Items(root, "line_items").Select(i => (i.Index, new WebhookLines.Line(
                Text(i.Item, "sku"), Text(i.Item, "product_id"), Text(i.Item, "variation_id"),
                Text(i.Item, "name") is { } name ? WebUtility.HtmlDecode(name) : null, Text(i.Item, "quantity"), Text(i.Item, "price")))),
            "$.line_items", currency, dropped);
        var codes = WebhookLines.Codes(root, "coupon_lines", dropped);

        if (errors.Count != before || customerId is null || purchasedAt is null || total is null)
        {
            return null;
        }
        return new Purchase
        {
            OrderId = orderId,
            CustomerId = customerId.Value,
            PurchasedAt = purchasedAt.Value,
            Total = total.Value,
            Email = email,
            FirstName = firstName,
            Lines = lines,
            DiscountCodes = codes,
        };
    }
}
