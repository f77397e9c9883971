namespace Retention.Domain.Metrics;

/// <summary>Metrics of the whole customer base as of the end of a store day.</summary>
/// <param name="Customers">Customers with at least one counted purchase up to the as-of day.</param>
/// <param name="ActiveCustomers">Customers with a counted purchase in the activity window ending on the as-of day.</param>
/// <param name="RepeatCustomers">Customers with at least two counted purchases.</param>
/// <param name="RepeatPurchaseRate">RepeatCustomers ÷ Customers × 100; null without customers.</param>
/// <param name="MedianDaysToSecondPurchase">Median of (second purchase day − first purchase day) over repeat customers; null without any.</param>
/// <param name="PreviousMonthEnd">The same stock figures at the end of the month before the as-of month, for "vs last month".</param>
public sealed record StoreMetrics(
    DateOnly AsOf,
    int ActivityWindowDays,
    int Customers,
    int ActiveCustomers,
    int RepeatCustomers,
    double? RepeatPurchaseRate,
    double? MedianDaysToSecondPurchase,
    StockMetrics PreviousMonthEnd,
    IReadOnlyList<WindowMetrics> Windows)
{
    public WindowMetrics Window(string name) => Windows.Single(w => w.Window.Name == name);
}
