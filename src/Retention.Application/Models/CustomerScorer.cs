using System.Collections.Immutable;
using Retention.Domain.Models;

namespace Retention.Application.Models;

/// <summary>
/// Scores every customer with fitted models, in a tight parallel loop. Everything except P(alive) and the expected
/// spend depends on a customer's (x, T) only, not on t_x: E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) · H(x, T, t), and
/// CLV = P(alive) · (discounted purchases if alive) · E[M]. So the series (the costly part) run once per distinct
/// (x, T), taken from the domain's own functions at t_x = T, where P(alive) is at its largest, (b + x − 1)/(a + b + x − 1)
/// or 1, never tiny; per customer only P(alive), one multiplication and E[M] remain. docs/models.md has the identity.
/// </summary>
internal static class CustomerScorer
{
    /// <summary>A next-order day more than this many days away is not given (null): an extrapolation the data cannot support.</summary>
    public const int MaxNextOrderDays = 730;

    private const int ChunkSize = 16_384;

    /// <param name="Predictions">One per customer, in the input order.</param>
    /// <param name="AtRisk">Indices of the customers with the most value lost, largest first (ties by id, ordinal).</param>
    /// <param name="SumProbabilityAlive">Σ P(alive).</param>
    /// <param name="SumExpectedPurchases30Days">Σ E[Y(30 days)].</param>
    /// <param name="TotalClv">Σ CLV, not rounded, in the store currency.</param>
    /// <param name="BelowThreshold">Customers with P(alive) below the threshold.</param>
    public sealed record Scores(
        CustomerPrediction[] Predictions, ImmutableArray<int> AtRisk, double SumProbabilityAlive, double SumExpectedPurchases30Days, double TotalClv, int BelowThreshold);

    /// <summary>What a customer's predictions need that depends on (x, T) only.</summary>
    private readonly record struct Factors(double Purchases30IfAlive, double Purchases90IfAlive, double DiscountedPurchasesIfAlive, DateOnly? NextOrderDue);

    /// <param name="expectedSpend">E[M] for a customer's (x, m_x), in the store currency.</param>
    /// <exception cref="AggregateException">A domain function refused an input (a fit whose time scale is far shorter than a
    /// day, so the horizons are out of the series' range).</exception>
    public static Scores Score(
        IReadOnlyList<CalibrationCustomer> customers, BgNbdModel purchases, Func<RepeatSpend, decimal> expectedSpend, DateOnly asOf,
        ModelTimeUnit unit, double annualDiscountRate, double threshold, int atRiskSize, CancellationToken cancellationToken)
    {
        var (keys, factors) = FactorsByHistory(customers, purchases, asOf, unit, annualDiscountRate, cancellationToken);
        var predictions = new CustomerPrediction[customers.Count];
        var chunks = (customers.Count + ChunkSize - 1) / ChunkSize;
        var partials = new (double Alive, double Purchases30, double Clv, int Below, List<int> Top)[chunks];
        var unitDays = (int)unit;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var top = new PriorityQueue<int, (decimal Value, string Id)>(atRiskSize + 1, WorstFirst.Instance);
            double alive = 0, purchases30 = 0, clvTotal = 0;
            var below = 0;
            var end = Math.Min(customers.Count, (chunk + 1) * ChunkSize);
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                var customer = customers[i];
                var history = customer.History;
                var f = factors[keys[(history.Frequency, history.Age)]];
                var p = purchases.ProbabilityAlive(history);
                // Model arithmetic in double (statistics); money leaves as decimal, rounded to 0.01.
                var ifAlive = f.DiscountedPurchasesIfAlive * (double)expectedSpend(customer.Spend);
                var clv = p * ifAlive;
                var lost = Math.Max(0m, Math.Round((decimal)((1 - p) * ifAlive), 2));
                var prediction = new CustomerPrediction(
                    history.Frequency,
                    customer.FirstPurchase.AddDays((int)Math.Round(history.Recency * unitDays)),
                    p,
                    p * f.Purchases30IfAlive,
                    p * f.Purchases90IfAlive,
                    f.NextOrderDue,
                    Math.Round((decimal)clv, 2),
                    lost);
                predictions[i] = prediction;
                alive += p;
                purchases30 += prediction.ExpectedPurchases30Days;
                clvTotal += clv;
                below += p < threshold ? 1 : 0;
                if (atRiskSize > 0 && lost > 0)
                {
                    var priority = (lost, customer.Customer.Value);
                    if (top.Count < atRiskSize)
                    {
                        top.Enqueue(i, priority);
                    }
                    else if (top.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(priority, worst) > 0)
                    {
                        top.DequeueEnqueue(i, priority);
                    }
                }
            }
            partials[chunk] = (alive, purchases30, clvTotal, below, [.. top.UnorderedItems.Select(item => item.Element)]);
        });
        var atRisk = partials.SelectMany(p => p.Top)
            .OrderByDescending(i => predictions[i].ValueLost)
            .ThenBy(i => customers[i].Customer.Value, StringComparer.Ordinal)
            .Take(atRiskSize)
            .ToImmutableArray();
        // Summed in chunk order, so the totals do not depend on thread scheduling.
        return new Scores(predictions, atRisk, partials.Sum(p => p.Alive), partials.Sum(p => p.Purchases30), partials.Sum(p => p.Clv), partials.Sum(p => p.Below));
    }

    private static (Dictionary<(int, double), int> Keys, Factors[] Factors) FactorsByHistory(
        IReadOnlyList<CalibrationCustomer> customers, BgNbdModel purchases, DateOnly asOf, ModelTimeUnit unit, double annualDiscountRate,
        CancellationToken cancellationToken)
    {
        var keys = new Dictionary<(int, double), int>();
        var distinct = new List<(int X, double Age)>();
        foreach (var customer in customers)
        {
            var key = (customer.History.Frequency, customer.History.Age);
            if (!keys.ContainsKey(key))
            {
                keys.Add(key, distinct.Count);
                distinct.Add(key);
            }
        }
        var days = (double)(int)unit;
        var horizon = ClvHorizon.Monthly(12, unit, annualDiscountRate);
        var factors = new Factors[distinct.Count];
        Parallel.For(0, distinct.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (x, age) = distinct[i];
            // t_x = T: the same (x, T), so the same "if alive" expectations, at the largest P(alive) there is (x = 0: t_x is 0 and P(alive) is 1).
            var recent = RepeatHistory.Create(x, x == 0 ? 0 : age, age);
            var alive = purchases.ProbabilityAlive(recent);
            var medianDays = days * (purchases.Alpha + age) * (Math.Exp(Math.Log(2) / (purchases.R + x)) - 1);
            factors[i] = new Factors(
                purchases.ExpectedPurchases(recent, 30 / days) / alive,
                purchases.ExpectedPurchases(recent, 90 / days) / alive,
                (double)CustomerLifetimeValue.Compute(purchases, recent, 1m, horizon) / alive,
                double.IsFinite(medianDays) && medianDays <= MaxNextOrderDays ? asOf.AddDays(Math.Max(1, (int)Math.Ceiling(medianDays))) : null);
        });
        return (keys, factors);
    }

    /// <summary>Orders at-risk candidates worst first: least value lost, then the larger id (so the smaller id wins a tie).</summary>
    private sealed class WorstFirst : IComparer<(decimal Value, string Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((decimal Value, string Id) x, (decimal Value, string Id) y)
        {
            var byValue = x.Value.CompareTo(y.Value);
            return byValue != 0 ? byValue : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
