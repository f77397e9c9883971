using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

/// <summary>Draws customers from known BG/NBD and Gamma-Gamma parameters, with a fixed seed.</summary>
internal sealed class Simulation(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>
    /// One BG/NBD customer observed for <paramref name="age"/> time units after the first purchase: λ ~ Gamma(r, α),
    /// p ~ Beta(a, b); exponential gaps between purchases while alive; after each repeat purchase, drop out with p.
    /// </summary>
    public RepeatHistory Customer(double r, double alpha, double a, double b, double age)
    {
        var rate = Gamma(r) / alpha;
        var x1 = Gamma(a);
        var dropout = x1 / (x1 + Gamma(b));
        var time = 0.0;
        var x = 0;
        var last = 0.0;
        while (true)
        {
            time += -Math.Log(1 - _random.NextDouble()) / rate;
            if (time > age)
            {
                break;
            }
            x++;
            last = time;
            if (_random.NextDouble() < dropout)
            {
                break;
            }
        }
        return RepeatHistory.Create(x, last, age);
    }

    /// <summary>One Gamma-Gamma customer with <paramref name="x"/> purchases: ν ~ Gamma(q, γ), each value ~ Gamma(p, ν).</summary>
    public RepeatSpend Spend(double p, double q, double gamma, int x)
    {
        var nu = Gamma(q) / gamma;
        var total = 0.0;
        for (var i = 0; i < x; i++)
        {
            total += Gamma(p) / nu;
        }
        return new RepeatSpend(x, (decimal)(total / x));
    }

    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    public int Next(int low, int high) => _random.Next(low, high);

    /// <summary>Gamma(shape, rate 1) by Marsaglia and Tsang (2000), boosted for shape &lt; 1.</summary>
    public double Gamma(double shape)
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
                z = Normal();
                v = 1 + (c * z);
            }
            while (v <= 0);
            v = v * v * v;
            var u = _random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
