namespace Retention.Domain.Models;

/// <summary>One row of the calibration histogram: how many customers made this many repeat purchases, and how many the
/// model expects.</summary>
/// <param name="Label">"0", "1", ... or "7+" for the last, open bin.</param>
/// <param name="ActualCustomers">Customers whose calibration frequency x is in the bin.</param>
/// <param name="ExpectedCustomers">Σ P(X(T) = x) over all customers, for the x in the bin (not rounded).</param>
public sealed record FrequencyCountRow(string Label, int ActualCustomers, double ExpectedCustomers);
