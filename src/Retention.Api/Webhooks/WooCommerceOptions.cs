namespace Retention.Api.Webhooks;

/// <summary>
/// Settings under <c>WooCommerce</c> (app setting <c>WooCommerce__WebhookSecret</c> on Azure). One deployment serves one
/// store: give every WooCommerce webhook that points here the same secret. While it is empty,
/// <c>POST /api/webhooks/woocommerce</c> refuses every delivery with 401 (the creation ping still gets its 200).
/// </summary>
public sealed class WooCommerceOptions
{
    public const string Section = "WooCommerce";

    /// <summary>The "Secret" field of the webhook (WooCommerce → Settings → Advanced → Webhooks), as UTF-8 bytes, exactly as written.</summary>
    public string WebhookSecret { get; set; } = "";
}
