using Retention.Domain.Orders;

namespace Retention.Api.Webhooks;

/// <summary>A refund mapped from a payload, with the JSON paths its amount and time came from (for a 422 that names them).</summary>
internal sealed record WebhookRefund(RefundRequest Request, string AmountPath, string TimePath)
{
    /// <summary>The JSON path of the field the domain's <c>Invalid</c> decision names (<c>amount</c>, <c>refundedAt</c>).</summary>
    public string PathOf(string field) => field == "refundedAt" ? TimePath : AmountPath;
}
