namespace Retention.Domain.Metrics;

/// <summary>The customer base at the end of one store day, for comparisons ("vs the end of last month").</summary>
/// <param name="Customers">Customers with a counted purchase up to the day.</param>
/// <param name="ActiveCustomers">Customers with a counted purchase in the activity window ending that day.</param>
/// <param name="RepeatPurchaseRate">Customers with ≥ 2 counted purchases up to the day ÷ Customers × 100; null without customers.</param>
public sealed record StockMetrics(DateOnly Day, int Customers, int ActiveCustomers, double? RepeatPurchaseRate);
