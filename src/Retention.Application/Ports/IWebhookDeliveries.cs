namespace Retention.Application.Ports;

/// <summary>
/// The webhook deliveries we have applied, by the platform's delivery id (Shopify <c>X-Shopify-Webhook-Id</c>,
/// WooCommerce <c>X-WC-Webhook-Delivery-ID</c>). A delivery is recorded only after its event was applied, so a delivery
/// that failed half-way is applied again when the platform retries it. This is a shortcut, not the idempotency guarantee:
/// two copies arriving at the same moment may both be applied, which is harmless because ingest is idempotent by order
/// id and refund id.
/// </summary>
public interface IWebhookDeliveries
{
    /// <summary>The longest delivery id that is remembered; a longer one is applied without the shortcut.</summary>
    public const int MaxDeliveryIdLength = 200;

    /// <summary>True when the delivery was applied before.</summary>
    /// <param name="platform">A short lower-case name: <c>shopify</c> or <c>woocommerce</c>.</param>
    /// <param name="deliveryId">The platform's delivery id, 1 to <see cref="MaxDeliveryIdLength"/> characters, no control characters.</param>
    Task<bool> WasAppliedAsync(string platform, string deliveryId, CancellationToken cancellationToken);

    /// <summary>Records that the delivery was applied; recording it again is harmless. Stores the topic and time, never the body.</summary>
    Task RecordAppliedAsync(string platform, string deliveryId, string topic, DateTimeOffset appliedAt, CancellationToken cancellationToken);
}
