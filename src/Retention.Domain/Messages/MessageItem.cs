namespace Retention.Domain.Messages;

/// <summary>A product the message talks about (bought, due for reorder).</summary>
/// <param name="Name">The product name as the store shows it (1 to 200 characters).</param>
/// <param name="Quantity">Units, 1 or more.</param>
/// <param name="Sku">The storefront's stock-keeping unit, when known.</param>
public sealed record MessageItem(string Name, int Quantity, string? Sku);
