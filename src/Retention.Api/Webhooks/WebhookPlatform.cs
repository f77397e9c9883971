namespace Retention.Api.Webhooks;

/// <summary>
/// What differs between the platforms' deliveries: header names (written without the <c>X-</c> prefix, which is
/// optional on the wire) and the setting that holds the secret.
/// </summary>
/// <param name="Name">Lower case, used in logs, responses and as the partition of the delivery table.</param>
internal sealed record WebhookPlatform(string Name, string SecretSetting, string SignatureHeader, string TopicHeader, string DeliveryHeader)
{
    public static readonly WebhookPlatform Shopify = new(
        "shopify", ShopifyOptions.Section + ":" + nameof(ShopifyOptions.WebhookSecret), "Shopify-Hmac-Sha256", "Shopify-Topic", "Shopify-Webhook-Id");

    public static readonly WebhookPlatform WooCommerce = new(
        "woocommerce", WooCommerceOptions.Section + ":" + nameof(WooCommerceOptions.WebhookSecret), "WC-Webhook-Signature", "WC-Webhook-Topic", "WC-Webhook-Delivery-ID");
}
