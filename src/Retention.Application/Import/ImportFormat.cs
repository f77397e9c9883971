namespace Retention.Application.Import;

/// <summary>The file formats <see cref="ImportPurchases"/> reads. docs/import.md maps every column.</summary>
public enum ImportFormat
{
    /// <summary>Decide from the first line (<see cref="ImportFormats.Detect"/>).</summary>
    Auto,

    /// <summary>Shopify's orders export (Orders → Export → CSV): one row per line item, order fields on the first row.</summary>
    ShopifyCsv,

    /// <summary>A JSON array of WooCommerce REST API v3 order resources (GET /wp-json/wc/v3/orders).</summary>
    WooCommerceJson,

    /// <summary>UCI "Online Retail" invoice lines: one row per invoice line, InvoiceNo starting with C for returns.</summary>
    OnlineRetail,

    /// <summary>CDNOW whitespace-separated purchase lines (customer [sample] yyyymmdd cds dollars).</summary>
    Cdnow,

    /// <summary>A CSV with one purchase per row: customer and date columns, optional amount, currency and order id.</summary>
    PurchasesCsv,
}
