namespace Retention.Domain.Metrics;

/// <summary>
/// Metrics over one <see cref="ReportWindow"/>. "Active" at the end of a day means a counted purchase within the
/// activity window ending that day (both ends included). Amounts are net of refunds, in the store currency.
/// </summary>
/// <param name="ActiveAtStart">S: customers active at the end of the day before the window starts.</param>
/// <param name="ActiveAtEnd">E: customers active at the end of the window's last day.</param>
/// <param name="New">N: customers whose first counted purchase is in the window.</param>
/// <param name="RetentionRate">CRR = (E − N) / S × 100; null when S = 0.</param>
/// <param name="ChurnRate">100 − CRR; null when S = 0.</param>
/// <param name="Buyers">Customers with at least one counted purchase in the window.</param>
/// <param name="FirstOrders">Orders that were their customer's first counted purchase ever.</param>
/// <param name="RepeatOrders">All other orders in the window.</param>
/// <param name="AverageFirstOrderValue">Mean net amount of first orders; null when there were none.</param>
/// <param name="AverageRepeatOrderValue">Mean net amount of repeat orders; null when there were none.</param>
/// <param name="ReturningRevenueShare">Percent of the window's revenue from repeat orders; null when revenue is 0.</param>
/// <param name="PurchaseFrequency">Orders per buyer in the window; null when there were no buyers.</param>
public sealed record WindowMetrics(
    ReportWindow Window,
    int ActiveAtStart,
    int ActiveAtEnd,
    int New,
    double? RetentionRate,
    double? ChurnRate,
    int Buyers,
    int FirstOrders,
    int RepeatOrders,
    decimal FirstOrderRevenue,
    decimal RepeatOrderRevenue,
    decimal? AverageFirstOrderValue,
    decimal? AverageRepeatOrderValue,
    double? ReturningRevenueShare,
    double? PurchaseFrequency);
