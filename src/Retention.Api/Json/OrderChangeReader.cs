using System.Text.Json;
using Retention.Domain.Orders;

namespace Retention.Api.Json;

/// <summary>Reads refund and cancel requests.</summary>
internal static class OrderChangeReader
{
    private const int MaxReasonLength = 500;

    public static RefundRequest? ReadRefund(JsonElement element, ValidationErrors errors)
    {
        var fields = new JsonFields(element, "$", errors);
        if (!fields.IsObject())
        {
            return null;
        }
        var refundId = PurchaseReader.Check<RefundId>(fields, "refundId", fields.String("refundId", required: true), RefundId.TryParse);
        var amount = fields.Decimal("amount", required: true);
        var refundedAt = fields.Instant("refundedAt");
        var reason = Reason(fields);
        return errors.IsEmpty && refundId is { } id && amount is { } a ? new RefundRequest(id, a, refundedAt, reason) : null;
    }

    /// <summary>A cancel body is optional; an empty body means "cancelled now, no reason given".</summary>
    public static CancelRequest? ReadCancel(JsonElement? element, ValidationErrors errors)
    {
        if (element is not { } body)
        {
            return new CancelRequest(null, null);
        }
        var fields = new JsonFields(body, "$", errors);
        if (!fields.IsObject())
        {
            return null;
        }
        var cancelledAt = fields.Instant("cancelledAt");
        var reason = Reason(fields);
        return errors.IsEmpty ? new CancelRequest(cancelledAt, reason) : null;
    }

    private static string? Reason(JsonFields fields)
    {
        var reason = fields.String("reason");
        if (reason is not null && (reason.Length > MaxReasonLength || reason.Any(char.IsControl)))
        {
            fields.Errors.Add(fields.PathOf("reason"), $"must be at most {MaxReasonLength} characters without control characters");
            return null;
        }
        return reason;
    }

    /// <summary>Order ids in a route are validated like order ids in a body.</summary>
    public static OrderId? ReadOrderId(string? routeValue, ValidationErrors errors)
    {
        if (OrderId.TryParse(routeValue, out var id, out var error))
        {
            return id;
        }
        errors.Add("orderId", error.Reason);
        return null;
    }
}
