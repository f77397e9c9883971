namespace Retention.Domain.Models;

/// <summary>
/// The special functions the customer-base models need, written here because the domain takes no packages.
/// Accuracy: about 1e-15 relative for <see cref="LogGamma"/> on (0, 1e15].
/// </summary>
internal static class SpecialFunctions
{
    private const double LanczosG = 7.0;

    // Lanczos coefficients for g = 7, n = 9 (Godfrey), the set used by Numerical Recipes 3rd ed. and many libraries.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ln Γ(x) for x &gt; 0; NaN for x ≤ 0 or NaN (the models never need it there).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            return double.NaN;
        }
        if (double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }
        if (x < 0.5)
        {
            // Reflection keeps the series accurate near 0: Γ(x) Γ(1 − x) = π / sin(π x).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        var y = x - 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (y + i);
        }
        var t = y + LanczosG + 0.5;
        return HalfLogTwoPi + ((y + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b &gt; 0.</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln(e^u + e^v) without overflow; −∞ arguments are allowed (e^−∞ = 0).</summary>
    public static double LogSumExp(double u, double v)
    {
        var max = Math.Max(u, v);
        if (double.IsNegativeInfinity(max))
        {
            return double.NegativeInfinity;
        }
        return max + Math.Log(Math.Exp(u - max) + Math.Exp(v - max));
    }

    /// <summary>
    /// H = c · [1 − (1 − z)^(a−1) · ₂F₁(p, a − 1; c; z)] / (a − 1), for 0 ≤ z &lt; 1, a &gt; 0, c &gt; −1, p ≤ c: the BG/NBD
    /// expected-purchases function after Euler's transformation (see docs/models.md). Written so that it has no 0/0:
    /// since (a − 1)ₙ = (a − 1)(a)ₙ₋₁ and (c)ₙ = c (c + 1)ₙ₋₁,
    /// H = −c · expm1((a − 1) ln(1 − z)) / (a − 1) − (1 − z)^(a−1) Σₙ≥₁ (p)ₙ (a)ₙ₋₁ zⁿ / ((c + 1)ₙ₋₁ n!),
    /// whose first term tends to −c ln(1 − z) as a → 1 and which has no pole at c = 0 (a + b = 1). Every parameter is
    /// O(1) whatever the purchase count (only c grows with it), so nothing overflows. The series converges for |z| &lt; 1,
    /// in about 37 / (1 − z) terms.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">z so close to 1 (or p so negative) that the series would need more
    /// than 10⁷ terms.</exception>
    public static double ExpectedPurchasesSeries(double p, double a, double c, double z)
    {
        if (z == 0)
        {
            return 0;
        }
        var logOneMinusZ = Log1P(-z);
        var k = a - 1;
        var first = k == 0 ? -c * logOneMinusZ : -c * ExpM1(k * logOneMinusZ) / k;
        var term = p * z;
        var sum = term;
        for (var n = 1; ; n++)
        {
            if (n > 10_000_000)
            {
                throw new ArgumentOutOfRangeException(nameof(z), z,
                    "The hypergeometric series does not converge in 10^7 terms: the prediction horizon is far too long for the time scale of the data.");
            }
            // Ratio of term n+1 to term n: (p + n)(a + n − 1) z / ((c + n)(n + 1)). Once n ≥ −p, and since c ≥ p and
            // c + n > 0, |p + m| ≤ c + m for every later m, and (a + m − 1)/(m + 1) ≤ max(1, (a + n − 1)/(n + 1)); so
            // every later ratio is at most R and the tail after this term is at most |term| R / (1 − R).
            if (n >= -p)
            {
                var bound = z * Math.Max(1.0, (a + n - 1) / (n + 1));
                if (term == 0 || (bound < 1 && Math.Abs(term) * bound / (1 - bound) <= 1e-16 * Math.Abs(sum)))
                {
                    break;
                }
            }
            term *= (p + n) * (a + n - 1) * z / ((c + n) * (n + 1));
            sum += term;
        }
        return first - (Math.Exp(k * logOneMinusZ) * sum);
    }

    /// <summary>ln(1 + x), accurate for small |x| (Goldberg's trick: the rounding error of 1 + x cancels).</summary>
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^x − 1, accurate for small |x| (Kahan's trick: the rounding error of e^x cancels).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }
        var um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }
}
