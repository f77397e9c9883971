namespace Retention.Domain.Purchases;

/// <summary>One line of a purchase. <see cref="UnitPrice"/> is in the purchase's currency.</summary>
/// <param name="Sku">The storefront's stock-keeping unit, 1 to <see cref="PurchaseRules.MaxTextLength"/> characters.</param>
/// <param name="Quantity">Units bought, 1 to <see cref="PurchaseRules.MaxQuantity"/> inclusive.</param>
/// <param name="UnitPrice">Price of one unit, zero or more, or null when the storefront did not say.</param>
/// <param name="Category">Product category used by replenishment rules, or null.</param>
/// <param name="Name">The product name customers see (used in emails), or null.</param>
public sealed record PurchaseLine(string Sku, int Quantity, decimal? UnitPrice, string? Category, string? Name = null);
