namespace Retention.Domain.Models;

/// <summary>
/// A customer's raw RFM values as of a day: <paramref name="RecencyDays"/> = whole days from the last purchase to the
/// as-of day (0 = bought that day; ≥ 0), <paramref name="Frequency"/> = number of purchases (≥ 0; how purchases are
/// counted, orders or purchase days, is the caller's choice, applied to all customers alike),
/// <paramref name="Monetary"/> = spend in the store currency (total or mean, again the caller's choice).
/// </summary>
public readonly record struct RfmValues(int RecencyDays, int Frequency, decimal Monetary);
