using System.Collections.Immutable;
using System.Text.Json;
using Retention.Domain.Amounts;
using Retention.Domain.Purchases;

namespace Retention.Api.Webhooks;

/// <summary>
/// Line items and discount codes, the same way for both platforms. Lines only feed product names in emails and
/// replenishment rules, so a line with an unusable field loses that field (or, without a quantity, the line) instead of
/// failing the order; the order total is what every metric counts.
/// </summary>
internal static class WebhookLines
{
    /// <summary>A line of the payload, already read.</summary>
    public readonly record struct Line(string? Sku, string? ProductId, string? VariantId, string? Name, string? Quantity, string? Price);

    /// <summary>
    /// The purchase lines: sku as given; without one <c>product-{product_id}</c> or <c>product-{product_id}-{variant_id}</c>;
    /// without a product the name (cut to 128 characters). A unit price with more decimals than the currency allows
    /// (WooCommerce computes it as subtotal ÷ quantity) is left out rather than rounded. An order with more than 250 lines
    /// keeps none (its total still counts), as the importer does.
    /// </summary>
    public static ImmutableArray<PurchaseLine> Build(IEnumerable<(int Index, Line Line)> items, string path, CurrencyCode? currency, List<string> dropped)
    {
        var lines = new List<PurchaseLine>();
        foreach (var (index, item) in items)
        {
            var at = $"{path}[{index}]";
            var name = item.Name is not null && PurchaseRules.CheckProductName(item.Name) is null ? item.Name : null;
            var sku = item.Sku
                      ?? (item.ProductId is null or "0" ? null : item.VariantId is null or "0" ? $"product-{item.ProductId}" : $"product-{item.ProductId}-{item.VariantId}")
                      ?? (name is null ? null : Cut(name.Trim()));
            if (sku is null || PurchaseRules.CheckText(sku) is not null)
            {
                dropped.Add(at);
                continue;
            }
            if (!WebhookJson.TryDecimal(item.Quantity, out var quantity) || quantity != decimal.Truncate(quantity) || quantity is < 1 or > PurchaseRules.MaxQuantity)
            {
                dropped.Add(at + ".quantity");
                continue;
            }
            decimal? unitPrice = null;
            if (item.Price is not null)
            {
                if (currency is { } c && WebhookJson.TryDecimal(item.Price, out var price) && PurchaseRules.CheckUnitPrice(price, c) is null)
                {
                    unitPrice = price;
                }
                else
                {
                    dropped.Add(at + ".price");
                }
            }
            lines.Add(new PurchaseLine(sku, (int)quantity, unitPrice, null, name));
        }
        if (lines.Count > PurchaseRules.MaxLines)
        {
            dropped.Add(path);
            return [];
        }
        return [.. lines];
    }

    /// <summary>Discount codes in payload order, each once; invalid ones (empty, too long) are left out.</summary>
    public static ImmutableArray<string> Codes(JsonElement order, string arrayName, List<string> dropped)
    {
        var codes = new List<string>();
        foreach (var (index, item) in WebhookJson.Items(order, arrayName))
        {
            var code = WebhookJson.Text(item, "code");
            if (code is null || PurchaseRules.CheckText(code) is not null)
            {
                dropped.Add($"$.{arrayName}[{index}].code");
            }
            else if (!codes.Contains(code, StringComparer.Ordinal) && codes.Count < PurchaseRules.MaxDiscountCodes)
            {
                codes.Add(code);
            }
        }
        return [.. codes];
    }

    private static string Cut(string name) =>
        name.Length <= PurchaseRules.MaxTextLength ? name : name[..PurchaseRules.MaxTextLength].TrimEnd();
}
