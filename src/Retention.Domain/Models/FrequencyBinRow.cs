namespace Retention.Domain.Models;

/// <summary>
/// One row of the holdout diagnostic: customers whose calibration frequency x falls in the bin, and their mean actual
/// vs mean expected repeat purchases in the holdout period.
/// </summary>
/// <param name="Label">"0", "1", ... or "7+" for the last, open bin.</param>
/// <param name="MinFrequency">Smallest x in the bin (included).</param>
/// <param name="MaxFrequency">Largest x in the bin (included); null for the open last bin.</param>
/// <param name="ActualMean">Mean holdout purchase days per customer in the bin.</param>
/// <param name="ExpectedMean">Mean of E[Y(holdout length) | x, t_x, T] per customer in the bin.</param>
public sealed record FrequencyBinRow(string Label, int MinFrequency, int? MaxFrequency, int Customers, double ActualMean, double ExpectedMean);
