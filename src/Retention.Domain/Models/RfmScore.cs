namespace Retention.Domain.Models;

/// <summary>A customer's RFM quintile scores, each 1 (worst) to 5 (best), and the segment they fall in.</summary>
public readonly record struct RfmScore(int Recency, int Frequency, int Monetary, RfmSegment Segment);
