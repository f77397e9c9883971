namespace Retention.Api.Hosting;

/// <summary>
/// The route table. The local host maps exactly these; a test checks that the Functions app's generated
/// <c>functions.metadata</c> declares the same names, methods, routes and authorization levels.
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute RecordPurchase = new("RecordPurchase", "POST", "purchases", RequiresKey: true);
    public static readonly ApiRoute RecordPurchaseBatch = new("RecordPurchaseBatch", "POST", "purchases/batch", RequiresKey: true);
    public static readonly ApiRoute RecordRefund = new("RecordRefund", "POST", "orders/{orderId}/refunds", RequiresKey: true);
    public static readonly ApiRoute CancelOrder = new("CancelOrder", "POST", "orders/{orderId}/cancel", RequiresKey: true);
    public static readonly ApiRoute RetentionReport = new("RetentionReport", "GET", "reports/retention", RequiresKey: true);
    public static readonly ApiRoute Health = new("Health", "GET", "health", RequiresKey: false);
    public static readonly ApiRoute UpdateConsent = new("UpdateConsent", "POST", "customers/{customerId}/consent", RequiresKey: true);

    /// <summary>Anonymous: the signed token in the link is the proof.</summary>
    public static readonly ApiRoute UnsubscribePage = new("UnsubscribePage", "GET", "unsubscribe", RequiresKey: false);

    /// <summary>Anonymous: the signed token in the link is the proof (RFC 8058 one-click POST).</summary>
    public static readonly ApiRoute Unsubscribe = new("Unsubscribe", "POST", "unsubscribe", RequiresKey: false);

    public static readonly ApiRoute CustomerBenefits = new("CustomerBenefits", "GET", "customers/{customerId}/benefits", RequiresKey: true);
    public static readonly ApiRoute ValidateCoupon = new("ValidateCoupon", "POST", "coupons/{code}/validate", RequiresKey: true);

    public static readonly ApiRoute ExportCustomer = new("ExportCustomer", "GET", "customers/{customerId}/export", RequiresKey: true);
    public static readonly ApiRoute EraseCustomer = new("EraseCustomer", "POST", "customers/{customerId}/erase", RequiresKey: true);

    /// <summary>Anonymous: the platform's HMAC signature over the raw body is the proof (platforms cannot send a function key).</summary>
    public static readonly ApiRoute ShopifyWebhook = new("ShopifyWebhook", "POST", "webhooks/shopify", RequiresKey: false);

    /// <summary>Anonymous: the platform's HMAC signature over the raw body is the proof (platforms cannot send a function key).</summary>
    public static readonly ApiRoute WooCommerceWebhook = new("WooCommerceWebhook", "POST", "webhooks/woocommerce", RequiresKey: false);

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        RecordPurchase, RecordPurchaseBatch, RecordRefund, CancelOrder, RetentionReport, Health, UpdateConsent, UnsubscribePage, Unsubscribe,
        CustomerBenefits, ValidateCoupon, ExportCustomer, EraseCustomer,
        ShopifyWebhook, WooCommerceWebhook,
    ];
}
