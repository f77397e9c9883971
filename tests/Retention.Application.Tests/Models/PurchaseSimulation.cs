using Retention.Domain.Customers;

namespace Retention.Application.Tests.Models;

/// <summary>
/// Draws customers' purchase times from known BG/NBD parameters (λ per week ~ Gamma(r, α), drop-out p ~ Beta(a, b),
/// exponential gaps, drop-out after each repeat purchase) and order values from Gamma-Gamma, with a fixed seed.
/// </summary>
internal sealed class PurchaseSimulation(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>One customer whose first purchase is <paramref name="firstAt"/>, observed until <paramref name="until"/>.</summary>
    public List<(DateTimeOffset At, decimal Amount)> Customer(DateTimeOffset firstAt, DateTimeOffset until,
        double r = 0.243, double alpha = 4.414, double a = 0.793, double b = 2.426, double p = 6.25, double q = 3.74, double gamma = 15.44)
    {
        var rate = Gamma(r) / alpha;
        var x1 = Gamma(a);
        var dropout = x1 / (x1 + Gamma(b));
        var nu = Gamma(q) / gamma;
        var purchases = new List<(DateTimeOffset, decimal)> { (firstAt, Money(p, nu)) };
        var weeks = 0.0;
        var observed = (until - firstAt).TotalDays / 7;
        while (true)
        {
            weeks += -Math.Log(1 - _random.NextDouble()) / rate;
            if (!(weeks < observed))
            {
                return purchases;
            }
            var at = firstAt.AddDays(weeks * 7);
            purchases.Add((at, Money(p, nu)));
            if (_random.NextDouble() < dropout)
            {
                return purchases;
            }
        }
    }

    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    private decimal Money(double p, double nu) => Math.Round((decimal)Math.Max(0.01, Gamma(p) / nu), 2);

    /// <summary>Gamma(shape, rate 1) by Marsaglia and Tsang (2000), boosted for shape &lt; 1.</summary>
    private double Gamma(double shape)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(_random.NextDouble(), 1 / shape);
        }
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
                v = 1 + (c * z);
            }
            while (v <= 0);
            v = v * v * v;
            if (Math.Log(_random.NextDouble()) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>The customer ids used: <c>c00001</c>, ...</summary>
    public static CustomerId Id(int i) => CustomerId.Parse($"c{i:D5}");
}
