using System.Collections.Immutable;
using System.Text.Json;
using Retention.Api.Json;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using static Retention.Api.Webhooks.WebhookJson;

namespace Retention.Api.Webhooks;

/// <summary>
/// Maps Shopify webhook bodies (the Admin REST API's Order and Refund resources, the GDPR payloads) to domain objects.
/// docs/webhooks.md has the field-by-field table. Required fields that are missing or invalid are reported under their
/// JSON path (<c>$.total_price</c>); optional ones (email, first name, locale, a line's price) are left out and reported
/// in <see cref="WebhookOrder.Dropped"/>.
/// </summary>
internal static class ShopifyOrderReader
{
    /// <summary>Refund ids are <c>shopify-{refund id}</c>, so they never collide with ids the storefront API was given.</summary>
    public const string RefundIdPrefix = "shopify-";

    /// <summary>Financial statuses of an order that was paid at some point.</summary>
    private static readonly string[] PaidStatuses = ["paid", "partially_refunded", "refunded"];

    public static WebhookOrder? ReadOrder(JsonElement root, DateTimeOffset now, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a JSON object (a Shopify order)");
            return null;
        }
        if (!OrderId.TryParse(Text(root, "id"), out var orderId, out var idError))
        {
            errors.Add("$.id", idError.Reason);
            return null;
        }
        var status = Text(root, "financial_status")?.ToLowerInvariant();
        var dropped = new List<string>();
        var purchase = ReadPurchase(root, orderId, now, errors, dropped);

        var refunds = ImmutableArray.CreateBuilder<WebhookRefund>();
        foreach (var (index, item) in Items(root, "refunds"))
        {
            if (ReadRefundObject(item, $"$.refunds[{index}]", errors) is { } refund)
            {
                refunds.Add(refund);
            }
        }
        var cancelledAtText = Text(root, "cancelled_at");
        var cancelledAt = Instant(cancelledAtText);
        if (cancelledAtText is not null && cancelledAt is null)
        {
            errors.Add("$.cancelled_at", WebhookValues.InstantReason);
        }

        return new WebhookOrder
        {
            OrderId = orderId,
            Purchase = purchase,
            Status = status,
            HasCustomer = Text(Object(root, "customer"), "id") is not null || EmailOf(root) is not null,
            IsTest = Bool(root, "test") == true,
            IsPaid = status is not null && PaidStatuses.Contains(status),
            Refunds = refunds.ToImmutable(),
            Cancel = new CancelRequest(cancelledAt, Reason(Text(root, "cancel_reason"))),
            CancelPath = "$.cancelled_at",
            Dropped = [.. dropped],
        };
    }

    /// <summary>A <c>refunds/create</c> body: the Refund resource (also accepted wrapped as <c>{"refund": {...}}</c>, as the REST API returns it).</summary>
    public static (OrderId? OrderId, WebhookRefund? Refund) ReadRefund(JsonElement root, ValidationErrors errors)
    {
        var refund = root;
        var path = "$";
        if (root.ValueKind == JsonValueKind.Object && !Has(root, "id") && Object(root, "refund") is { ValueKind: JsonValueKind.Object } inner)
        {
            refund = inner;
            path = "$.refund";
        }
        if (refund.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "must be a JSON object (a Shopify refund)");
            return (null, null);
        }
        OrderId? orderId = null;
        if (OrderId.TryParse(Text(refund, "order_id"), out var parsed, out var orderError))
        {
            orderId = parsed;
        }
        else
        {
            errors.Add(path + ".order_id", orderError.Reason);
        }
        return (orderId, ReadRefundObject(refund, path, errors));
    }

    /// <summary>
    /// The customers a GDPR payload (<c>customers/redact</c>, <c>customers/data_request</c>) names: <c>customer.id</c>,
    /// and the guest id derived from <c>customer.email</c> (<see cref="GuestCustomer"/>), the customer id of guest orders.
    /// </summary>
    public static ImmutableArray<CustomerId> ReadCustomers(JsonElement root, ValidationErrors errors)
    {
        var customer = Object(root, "customer");
        var ids = new List<CustomerId>();
        foreach (var text in new[] { Text(customer, "id"), Text(customer, "email") is { } email ? GuestCustomer.IdFor(email).Value : null })
        {
            if (CustomerId.TryParse(text, out var id, out _) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }
        if (ids.Count == 0)
        {
            errors.Add("$.customer.id", "is required: the customer's id or email");
        }
        return [.. ids];
    }

    private static Purchase? ReadPurchase(JsonElement root, OrderId orderId, DateTimeOffset now, ValidationErrors errors, List<string> dropped)
    {
        var before = errors.Count;
        var customer = Object(root, "customer");
        var emailText = EmailOf(root);

        // A guest checkout has no customer: a hash of the email stands for one (docs/webhooks.md, "Guest customers").
        var customerText = Text(customer, "id");
        var customerPath = "$.customer.id";
        if (customerText is null && emailText is not null)
        {
            customerText = GuestCustomer.IdFor(emailText).Value;
            customerPath = "$.email";
        }
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
                errors.Add(customerPath, customerError.Reason);
            }
        }

        var timePath = Text(root, "processed_at") is not null ? "$.processed_at" : "$.created_at";
        var purchasedAt = WebhookValues.RequiredInstant(Text(root, "processed_at") ?? Text(root, "created_at"), timePath, "is required (processed_at or created_at)", now, errors);
        var currency = WebhookValues.RequiredCurrency(Text(root, "currency"), "$.currency", errors);
        var total = WebhookValues.RequiredTotal(Text(root, "total_price"), "$.total_price", currency, errors);

        EmailAddress? email = null;
        if (emailText is not null)
        {
            if (EmailAddress.TryParse(emailText, out var parsedEmail, out _))
            {
                email = parsedEmail;
            }
            else
            {
                dropped.Add("$.email");
            }
        }
        var firstName = Text(customer, "first_name") ?? Text(Object(root, "billing_address"), "first_name");
        if (firstName is not null && PurchaseRules.CheckFirstName(firstName) is not null)
        {
            dropped.Add("$.customer.first_name");
            firstName = null;
        }
        LocaleTag? locale = null;
        if (Text(root, "customer_locale") is { } localeText)
        {
            if (LocaleTag.TryParse(localeText, out var parsedLocale, out _))
            {
                locale = parsedLocale;
            }
            else
            {
                dropped.Add("$.customer_locale");
            }
        }
        var accepts = Bool(root, "buyer_accepts_marketing");
        var consentState = Text(Object(customer, "email_marketing_consent"), "state")?.ToLowerInvariant();
        bool? consent = accepts == true || consentState == "subscribed" ? true : accepts is not null || consentState is not null ? false : null;

        var lines = WebhookLines.Build(
            Items(root, "line_items").Select(i => (i.Index, new WebhookLines.Line(
                Text(i.Item, "sku"), Text(i.Item, "product_id"), Text(i.Item, "variant_id"), Text(i.Item, "title") ?? Text(i.Item, "name"),
                Text(i.Item, "quantity"), Text(i.Item, "price")))),
            "$.line_items", currency, dropped);
        var codes = WebhookLines.Codes(root, "discount_codes", dropped);

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
            Locale = locale,
            MarketingConsent = consent,
            Lines = lines,
            DiscountCodes = codes,
        };
    }

    /// <summary>
    /// A Refund resource. The amount is what went back to the customer: the sum of its <c>transactions</c> of kind
    /// <c>refund</c> that succeeded; only a refund without a <c>transactions</c> array falls back to its line items'
    /// subtotal plus tax. Zero means no money moved (a restock): the endpoint skips it.
    /// </summary>
    private static WebhookRefund? ReadRefundObject(JsonElement refund, string path, ValidationErrors errors)
    {
        if (refund.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "must be a JSON object (a Shopify refund)");
            return null;
        }
        var before = errors.Count;
        var idText = Text(refund, "id");
        RefundId? refundId = null;
        if (idText is null)
        {
            errors.Add(path + ".id", "is required");
        }
        else if (RefundId.TryParse(RefundIdPrefix + idText, out var parsedId, out var idError))
        {
            refundId = parsedId;
        }
        else
        {
            errors.Add(path + ".id", idError.Reason);
        }

        var amount = 0m;
        string amountPath;
        if (refund.TryGetProperty("transactions", out var transactions) && transactions.ValueKind == JsonValueKind.Array)
        {
            amountPath = path + ".transactions";
            foreach (var (index, transaction) in Items(refund, "transactions"))
            {
                var kind = Text(transaction, "kind")?.ToLowerInvariant();
                var status = Text(transaction, "status")?.ToLowerInvariant();
                if (kind != "refund" || status is not (null or "success"))
                {
                    continue;
                }
                if (TryDecimal(Text(transaction, "amount"), out var value))
                {
                    amount += Math.Abs(value);
                }
                else
                {
                    errors.Add($"{amountPath}[{index}].amount", "must be a number such as 12.50");
                }
            }
        }
        else
        {
            amountPath = path + ".refund_line_items";
            foreach (var (index, item) in Items(refund, "refund_line_items"))
            {
                foreach (var field in new[] { "subtotal", "total_tax" })
                {
                    var text = Text(item, field);
                    if (text is null)
                    {
                        continue;
                    }
                    if (TryDecimal(text, out var value))
                    {
                        amount += Math.Abs(value);
                    }
                    else
                    {
                        errors.Add($"{amountPath}[{index}].{field}", "must be a number such as 12.50");
                    }
                }
            }
        }

        var timePath = path + (Text(refund, "processed_at") is not null ? ".processed_at" : ".created_at");
        var timeText = Text(refund, "processed_at") ?? Text(refund, "created_at");
        var refundedAt = Instant(timeText);
        if (timeText is not null && refundedAt is null)
        {
            errors.Add(timePath, WebhookValues.InstantReason);
        }
        if (errors.Count != before || refundId is null)
        {
            return null;
        }
        return new WebhookRefund(new RefundRequest(refundId.Value, amount, refundedAt, Reason(Text(refund, "note"))), amountPath, timePath);
    }

    private static string? EmailOf(JsonElement order) =>
        Text(order, "email") ?? Text(order, "contact_email") ?? Text(Object(order, "customer"), "email");
}
