using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Api.Endpoints;
using Retention.Api.Json;
using Retention.Application.Customers;
using Retention.Application.Ingest;
using Retention.Application.Ports;

namespace Retention.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/shopify</c> and <c>POST /api/webhooks/woocommerce</c>. Anonymous at the host: the HMAC signature
/// over the raw body is the authentication, checked before anything is parsed. Then: a delivery id applied before is
/// answered at once; otherwise the topic's event is applied through the use cases, and the delivery is recorded only
/// after that succeeded (a failure answers 5xx and the platform's retry applies it again, idempotently). Bodies, emails,
/// names and secrets are never logged. docs/webhooks.md says what each topic does.
/// </summary>
public sealed partial class WebhookEndpoints(
    IOptionsMonitor<ShopifyOptions> shopify,
    IOptionsMonitor<WooCommerceOptions> wooCommerce,
    IWebhookDeliveries deliveries,
    RecordPurchases recordPurchases,
    RecordRefund recordRefund,
    CancelOrder cancelOrder,
    EraseCustomer eraseCustomer,
    EraseStore eraseStore,
    ExportCustomer exportCustomer,
    TimeProvider clock,
    ILoggerFactory loggerFactory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly OrderWebhooks _orders = new(recordPurchases, recordRefund, cancelOrder, loggerFactory.CreateLogger<OrderWebhooks>());
    private readonly ILogger _logger = loggerFactory.CreateLogger<WebhookEndpoints>();

    /// <summary>Shopify: orders/paid, orders/create (when paid), orders/cancelled, refunds/create, customers/redact, shop/redact, customers/data_request.</summary>
    public Task<IResult> ShopifyAsync(HttpContext context) =>
        HandleAsync(context, WebhookPlatform.Shopify, shopify.CurrentValue.WebhookSecret, ShopifyTopicAsync);

    /// <summary>WooCommerce: the creation ping, order.created, order.updated, order.restored, order.deleted.</summary>
    public Task<IResult> WooCommerceAsync(HttpContext context) =>
        HandleAsync(context, WebhookPlatform.WooCommerce, wooCommerce.CurrentValue.WebhookSecret, WooCommerceTopicAsync);

    private async Task<IResult> HandleAsync(
        HttpContext context, WebhookPlatform platform, string? secret, Func<string, JsonElement, CancellationToken, Task<IResult>> applyAsync)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var (body, tooLarge) = await WebhookBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }
        if (platform == WebhookPlatform.WooCommerce && WebhookBody.IsWooCommercePing(body))
        {
            // Sent unsigned when a webhook is saved; WooCommerce keeps the webhook only if this answers 200. Records nothing.
            LogPing();
            return Ok(new WebhookResult(platform.Name, null, "ping"));
        }
        if (WebhookBody.Verify(request, body, platform, secret) is { } unauthorized)
        {
            LogRefused(platform.Name, (string)unauthorized.ProblemDetails.Extensions["code"]!);
            return unauthorized;
        }

        var topic = WebhookHeaders.Get(request, platform.TopicHeader)?.ToLowerInvariant();
        if (topic is null || topic.Length > 100)
        {
            return Problems.Problem(StatusCodes.Status400BadRequest, "The webhook topic is missing.", $"Send the topic in X-{platform.TopicHeader}.", "missing-topic");
        }
        var deliveryId = WebhookHeaders.Get(request, platform.DeliveryHeader);
        if (deliveryId is not null && (deliveryId.Length > IWebhookDeliveries.MaxDeliveryIdLength || deliveryId.Any(char.IsControl)))
        {
            deliveryId = null;
        }
        if (deliveryId is not null && await deliveries.WasAppliedAsync(platform.Name, deliveryId, cancellationToken))
        {
            LogDuplicate(platform.Name, topic, deliveryId);
            return Ok(new WebhookResult(platform.Name, topic, "duplicate") { Detail = "This delivery was applied before." });
        }

        var (document, invalid) = await WebhookBody.ParseAsync(request, body, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        IResult result;
        using (document)
        {
            result = await applyAsync(topic, document!.RootElement, cancellationToken);
        }
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        if (status is >= 200 and < 300 && deliveryId is not null)
        {
            await deliveries.RecordAppliedAsync(platform.Name, deliveryId, topic, clock.GetUtcNow(), cancellationToken);
        }
        LogHandled(platform.Name, topic, deliveryId ?? "none", status);
        return result;
    }

    private async Task<IResult> ShopifyTopicAsync(string topic, JsonElement root, CancellationToken cancellationToken)
    {
        const string platform = "shopify";
        var errors = new ValidationErrors();
        switch (topic)
        {
            case "orders/paid" or "orders/create" or "orders/cancelled":
            {
                var order = ShopifyOrderReader.ReadOrder(root, clock.GetUtcNow(), errors);
                if (order is null)
                {
                    return Unprocessable(platform, topic, errors);
                }
                if (order.IsTest)
                {
                    return Ignored(platform, topic, order, "A test order: never recorded.");
                }
                if (topic == "orders/create" && order.Status is not ("paid" or "partially_refunded"))
                {
                    return Ignored(platform, topic, order, "Not paid yet (financial_status is not paid): orders/paid records it.");
                }
                return topic == "orders/cancelled"
                    ? await ApplyAsync(platform, topic, order, errors, _orders.CancelAsync, cancellationToken)
                    : await ApplyAsync(platform, topic, order, errors, _orders.PurchaseAsync, cancellationToken);
            }
            case "refunds/create":
            {
                var (orderId, refund) = ShopifyOrderReader.ReadRefund(root, errors);
                if (orderId is null || refund is null || !errors.IsEmpty)
                {
                    return Unprocessable(platform, topic, errors);
                }
                var result = new WebhookResult(platform, topic, "applied") { OrderId = orderId.Value.Value };
                if (refund.Request.Amount == 0)
                {
                    return Ok(result with { Outcome = "ignored", Detail = "The refund moved no money (a restock or an adjustment)." });
                }
                return (IResult?)await _orders.RefundAsync(orderId.Value, refund, result, cancellationToken) ?? Ok(result);
            }
            case "customers/redact":
            {
                var customers = ShopifyOrderReader.ReadCustomers(root, errors);
                if (!errors.IsEmpty)
                {
                    return Unprocessable(platform, topic, errors);
                }
                var found = false;
                foreach (var customer in customers)
                {
                    found |= await eraseCustomer.ExecuteAsync(customer, cancellationToken);
                }
                return Ok(new WebhookResult(platform, topic, "erased")
                {
                    Detail = found ? "The customer's personal data was erased." : "We held nothing about the customer.",
                });
            }
            case "shop/redact":
            {
                var rows = await eraseStore.ExecuteAsync(cancellationToken);
                return Ok(new WebhookResult(platform, topic, "erased") { Detail = $"Everything held for the store was deleted ({rows} rows)." });
            }
            case "customers/data_request":
            {
                var customers = ShopifyOrderReader.ReadCustomers(root, errors);
                if (!errors.IsEmpty)
                {
                    return Unprocessable(platform, topic, errors);
                }
                var exports = new List<object>();
                foreach (var customer in customers)
                {
                    if (await exportCustomer.ExecuteAsync(customer, cancellationToken) is { } export)
                    {
                        exports.Add(CustomerEndpoints.Document(export));
                    }
                }
                return TypedResults.Json(new { exports }, Json, statusCode: StatusCodes.Status200OK);
            }
            default:
                LogUnknownTopic(platform, topic);
                return Ok(new WebhookResult(platform, topic, "ignored") { Detail = "This topic is not handled." });
        }
    }

    private async Task<IResult> WooCommerceTopicAsync(string topic, JsonElement root, CancellationToken cancellationToken)
    {
        const string platform = "woocommerce";
        var errors = new ValidationErrors();
        switch (topic)
        {
            case "order.created" or "order.updated" or "order.restored":
            {
                var order = WooOrderReader.ReadOrder(root, clock.GetUtcNow(), errors);
                if (order is null)
                {
                    return Unprocessable(platform, topic, errors);
                }
                return order.Status switch
                {
                    "processing" or "completed" or "refunded" =>
                        await ApplyAsync(platform, topic, order, errors, _orders.PurchaseAsync, cancellationToken),
                    "cancelled" => await ApplyAsync(platform, topic, order, errors, _orders.CancelAsync, cancellationToken),
                    _ => Ignored(platform, topic, order, $"Status '{order.Status ?? "none"}' is not a paid order."),
                };
            }
            case "order.deleted":
            {
                // Deleting (or trashing) an order takes it out of the numbers: a cancellation. Only the id is needed.
                if (WooOrderReader.ReadOrderId(root, errors) is not { } orderId)
                {
                    return Unprocessable(platform, topic, errors);
                }
                var order = new WebhookOrder { OrderId = orderId, Cancel = new(null, "deleted in WooCommerce") };
                var result = new WebhookResult(platform, topic, "applied") { OrderId = orderId.Value };
                return (IResult?)await _orders.CancelAsync(order, result, cancellationToken) ?? Ok(result);
            }
            default:
                LogUnknownTopic(platform, topic);
                return Ok(new WebhookResult(platform, topic, "ignored") { Detail = "This topic is not handled." });
        }
    }

    private async Task<IResult> ApplyAsync(
        string platform, string topic, WebhookOrder order, ValidationErrors errors,
        Func<WebhookOrder, WebhookResult, CancellationToken, Task<ProblemHttpResult?>> applyAsync, CancellationToken cancellationToken)
    {
        // Every field is checked even when the event needs only the id (a cancellation of an order we hold): a payload with
        // an invalid required field is refused as a whole, the same way for every topic.
        if (!errors.IsEmpty)
        {
            return Unprocessable(platform, topic, errors);
        }
        if (!order.HasCustomer)
        {
            return Ignored(platform, topic, order, "No customer and no email: an anonymous sale cannot count for any customer, so it is not recorded.");
        }
        foreach (var path in order.Dropped)
        {
            LogDropped(platform, order.OrderId.Value, path);
        }
        var result = new WebhookResult(platform, topic, "applied") { OrderId = order.OrderId.Value };
        return (IResult?)await applyAsync(order, result, cancellationToken) ?? Ok(result);
    }

    private ProblemHttpResult Unprocessable(string platform, string topic, ValidationErrors errors)
    {
        LogUnprocessable(platform, topic, string.Join(", ", errors.ToDictionary().Keys));
        return Problems.Validation(errors, StatusCodes.Status422UnprocessableEntity);
    }

    private static JsonHttpResult<WebhookResult> Ignored(string platform, string topic, WebhookOrder order, string detail) =>
        Ok(new WebhookResult(platform, topic, "ignored") { OrderId = order.OrderId.Value, Detail = detail });

    private static JsonHttpResult<WebhookResult> Ok(WebhookResult result) => TypedResults.Json(result, Json, statusCode: StatusCodes.Status200OK);

    [LoggerMessage(Level = LogLevel.Information, Message = "WooCommerce webhook ping answered")]
    private partial void LogPing();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Platform} webhook: {Code}")]
    private partial void LogRefused(string platform, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook {Topic} delivery {DeliveryId} was applied before; answered at once")]
    private partial void LogDuplicate(string platform, string topic, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook {Topic} delivery {DeliveryId} answered {Status}")]
    private partial void LogHandled(string platform, string topic, string deliveryId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook topic {Topic} is not handled; ignored")]
    private partial void LogUnknownTopic(string platform, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook {Topic} could not be applied; invalid fields: {Paths}")]
    private partial void LogUnprocessable(string platform, string topic, string paths);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} webhook order {OrderId}: optional field {Path} was invalid and left out")]
    private partial void LogDropped(string platform, string orderId, string path);
}
