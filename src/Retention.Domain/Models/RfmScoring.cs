using System.Collections.Immutable;

namespace Retention.Domain.Models;

/// <summary>
/// RFM quintile scores and segments. A value's score is 1 + ⌊5 · w / N⌋, where N is the number of customers and w the
/// number of customers with a strictly worse value (a larger recency; a smaller frequency or monetary value). So the
/// best fifth scores 5, the worst fifth 1, and tied customers always share a score: the score of the lowest place in
/// their tie. With many ties (most customers bought once) scores can skip: F may take only 1 and 4.
/// </summary>
public static class RfmScoring
{
    /// <summary>Scores and segments, in the order of <paramref name="customers"/>; empty for an empty list.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A recency or frequency is negative.</exception>
    public static ImmutableArray<RfmScore> Score(IReadOnlyList<RfmValues> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var c in customers)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c.RecencyDays, nameof(customers));
            ArgumentOutOfRangeException.ThrowIfNegative(c.Frequency, nameof(customers));
        }
        // Recency: lower is better, so rank the negated value.
        var recency = Quintiles(customers.Select(c => -(decimal)c.RecencyDays).ToArray());
        var frequency = Quintiles(customers.Select(c => (decimal)c.Frequency).ToArray());
        var monetary = Quintiles(customers.Select(c => c.Monetary).ToArray());
        var scores = ImmutableArray.CreateBuilder<RfmScore>(customers.Count);
        for (var i = 0; i < customers.Count; i++)
        {
            scores.Add(new RfmScore(recency[i], frequency[i], monetary[i], Segment(recency[i], frequency[i], monetary[i])));
        }
        return scores.MoveToImmutable();
    }

    /// <summary>
    /// The segment of scores R, F, M (each 1–5); the first matching rule wins:
    /// Champions R≥4 F≥4 M≥4; Can't lose them R=1 F≥4 M≥4; At risk R≤2 F≥3; Loyal R≥3 F≥4; New R=5 F=1; Promising R=4 F=1;
    /// Potential loyalists R≥4 F=2–3; Need attention R=3 F=3; About to sleep R=3 F≤2; Hibernating R=2 F≤2; Lost R=1 F≤2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1–5.</exception>
    public static RfmSegment Segment(int recency, int frequency, int monetary)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recency, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(monetary, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monetary, 5);
        return (recency, frequency, monetary) switch
        {
            ( >= 4, >= 4, >= 4) => RfmSegment.Champions,
            (1, >= 4, >= 4) => RfmSegment.CantLoseThem,
            ( <= 2, >= 3, _) => RfmSegment.AtRisk,
            ( >= 3, >= 4, _) => RfmSegment.Loyal,
            (5, 1, _) => RfmSegment.New,
            (4, 1, _) => RfmSegment.Promising,
            ( >= 4, _, _) => RfmSegment.PotentialLoyalists,
            (3, 3, _) => RfmSegment.NeedAttention,
            (3, _, _) => RfmSegment.AboutToSleep,
            (2, _, _) => RfmSegment.Hibernating,
            _ => RfmSegment.Lost,
        };
    }

    /// <summary>1 + ⌊5 · (values strictly below) / N⌋ for each value (higher is better).</summary>
    internal static int[] Quintiles(decimal[] values)
    {
        var sorted = (decimal[])values.Clone();
        Array.Sort(sorted);
        var scores = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var below = LowerBound(sorted, values[i]);
            scores[i] = 1 + (int)(5L * below / values.Length);
        }
        return scores;
    }

    /// <summary>The number of elements of <paramref name="sorted"/> strictly less than <paramref name="value"/>.</summary>
    private static int LowerBound(decimal[] sorted, decimal value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
