using System.Collections.Immutable;
using Retention.Domain.Customers;

namespace Retention.Domain.Rewards;

/// <summary>
/// Per programme, did its decisions bring customers back more often than the holdout's? The comparison is
/// <b>intention to treat</b>: every matured decision of a customer outside the holdout counts as treated, whether its
/// email was sent or not (no consent, suppressed, capped, bounced). Comparing only the sent ones with the holdout would
/// compare customers who consented to marketing and have a working address with a holdout that contains everyone, and
/// those customers buy more anyway: the uplift would be inflated by who they are, not by what we sent. The holdout is
/// chosen by a hash of the customer id (<see cref="Holdout"/>), so both arms have the same mix of customers and the
/// difference of their rates is the programme's effect, diluted by the decisions that were never sent.
/// </summary>
/// <remarks>
/// <para>
/// Boundaries: a decision is <b>matured</b> when <c>DecidedAt + conversionDays ≤ asOf</c> (a decision exactly N days
/// old is matured). It <b>converted</b> when the customer has a counted purchase at an instant t with
/// <c>DecidedAt &lt; t ≤ DecidedAt + conversionDays</c>: a purchase at the decision instant does not count (it is what
/// the decision was made from), one exactly N days later does. Days are 24-hour durations, not store calendar days.
/// </para>
/// <para>
/// A customer with several decisions in one programme (a second lapse, a second touch) contributes each decision
/// separately: the unit is the decision, and one purchase can convert several of them. Every record passed in counts once.
/// </para>
/// <para>
/// Interval: Newcombe's hybrid score interval for a difference of independent proportions (Newcombe 1998, method 10),
/// built from the Wilson score interval of each rate with z = 1.96. The textbook Wald interval
/// <c>d ± 1.96·sqrt(p1(1−p1)/n1 + p0(1−p0)/n0)</c> is simpler but fails in exactly the case a 10 % holdout produces:
/// a small group with a rate near 0 or 1 gets a standard error near 0 (exactly 0 when nobody or everybody converted), so
/// the interval is far too narrow and a programme would "work" on noise. Newcombe's interval stays within [−1, 1],
/// never has zero width, and keeps close to 95 % coverage for small groups; as groups grow it approaches Wald's.
/// </para>
/// </remarks>
public static class ProgrammeUplift
{
    /// <summary>The two-sided 95 % normal quantile used for every interval (rounded, as in the published tables).</summary>
    public const double Z = 1.96;

    /// <param name="decisions">The decisions of all programmes, in any order; each record is one decision.</param>
    /// <param name="countedPurchaseTimes">A customer's counted purchase instants (any order); called at most once per customer.</param>
    /// <param name="asOf">The instant the report is made at; decisions whose window ends after it are not matured yet.</param>
    /// <param name="conversionDays">The conversion window N in days (24-hour durations), at least 1.</param>
    /// <returns>One result per programme that has a decision, ordered by programme name (ordinal).</returns>
    public static ImmutableArray<ProgrammeResult> Compute(
        IEnumerable<DecisionRecord> decisions,
        Func<CustomerId, IReadOnlyList<DateTimeOffset>> countedPurchaseTimes,
        DateTimeOffset asOf,
        int conversionDays)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(countedPurchaseTimes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(conversionDays);

        var window = TimeSpan.FromDays(conversionDays);
        var purchases = new Dictionary<CustomerId, IReadOnlyList<DateTimeOffset>>();
        var results = ImmutableArray.CreateBuilder<ProgrammeResult>();
        foreach (var programme in decisions.GroupBy(d => d.Programme, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int decided = 0, heldOut = 0, sent = 0, treatedMatured = 0, treatedConverted = 0, holdoutMatured = 0, holdoutConverted = 0;
            foreach (var decision in programme)
            {
                decided++;
                heldOut += decision.HeldOut ? 1 : 0;
                sent += decision.Sent ? 1 : 0;
                var windowEnd = decision.DecidedAt + window;
                if (windowEnd > asOf)
                {
                    continue;
                }
                if (!purchases.TryGetValue(decision.CustomerId, out var times))
                {
                    times = countedPurchaseTimes(decision.CustomerId);
                    purchases.Add(decision.CustomerId, times);
                }
                var converted = times.Any(t => t > decision.DecidedAt && t <= windowEnd);
                if (decision.HeldOut)
                {
                    holdoutMatured++;
                    holdoutConverted += converted ? 1 : 0;
                }
                else
                {
                    treatedMatured++;
                    treatedConverted += converted ? 1 : 0;
                }
            }
            results.Add(Result(programme.Key, decided, heldOut, sent, treatedMatured, treatedConverted, holdoutMatured, holdoutConverted));
        }
        return results.ToImmutable();
    }

    /// <summary>
    /// The 95 % interval (Newcombe hybrid score, z = 1.96) for the difference of two conversion rates,
    /// treated − holdout, as shares from −1 to 1. Both groups need at least one matured decision.
    /// </summary>
    public static (double Low, double High) Interval(int treatedConverted, int treatedMatured, int holdoutConverted, int holdoutMatured)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(treatedMatured);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(holdoutMatured);
        ArgumentOutOfRangeException.ThrowIfNegative(treatedConverted);
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutConverted);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treatedConverted, treatedMatured);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdoutConverted, holdoutMatured);

        var p1 = (double)treatedConverted / treatedMatured;
        var p0 = (double)holdoutConverted / holdoutMatured;
        var (l1, u1) = Wilson(treatedConverted, treatedMatured);
        var (l0, u0) = Wilson(holdoutConverted, holdoutMatured);
        var difference = p1 - p0;
        var low = difference - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u0 - p0) * (u0 - p0)));
        var high = difference + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p0 - l0) * (p0 - l0)));
        return (Math.Max(-1, low), Math.Min(1, high));
    }

    /// <summary>The Wilson score interval (z = 1.96, no continuity correction) of <paramref name="successes"/> out of <paramref name="n"/>, as shares 0..1.</summary>
    public static (double Low, double High) Wilson(int successes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);

        var p = (double)successes / n;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = Z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static ProgrammeResult Result(string programme, int decided, int heldOut, int sent, int treatedMatured, int treatedConverted, int holdoutMatured, int holdoutConverted)
    {
        double? treatedRate = treatedMatured == 0 ? null : (double)treatedConverted / treatedMatured;
        double? holdoutRate = holdoutMatured == 0 ? null : (double)holdoutConverted / holdoutMatured;
        double? uplift = null, low = null, high = null;
        if (treatedRate is { } treated && holdoutRate is { } holdout)
        {
            uplift = treated - holdout;
            (low, high) = Interval(treatedConverted, treatedMatured, holdoutConverted, holdoutMatured);
        }
        return new ProgrammeResult(programme, decided, heldOut, sent, treatedMatured, treatedConverted, holdoutMatured, holdoutConverted,
            treatedRate, holdoutRate, uplift, low, high);
    }
}
