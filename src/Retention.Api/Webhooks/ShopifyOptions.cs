namespace Retention.Api.Webhooks;

/// <summary>
/// Settings under <c>Shopify</c> (app setting <c>Shopify__WebhookSecret</c> on Azure). One deployment serves one store,
/// so there is one secret. While it is empty, <c>POST /api/webhooks/shopify</c> refuses every delivery with 401.
/// </summary>
public sealed class ShopifyOptions
{
    public const string Section = "Shopify";

    /// <summary>
    /// The key Shopify signs webhooks with: the app's client secret (custom or public app), or the secret shown under
    /// Settings → Notifications → Webhooks for webhooks made in the admin. Compared as UTF-8 bytes, exactly as written.
    /// </summary>
    public string WebhookSecret { get; set; } = "";
}
