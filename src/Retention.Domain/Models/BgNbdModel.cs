using static Retention.Domain.Models.SpecialFunctions;

namespace Retention.Domain.Models;

/// <summary>
/// The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way": while alive, a customer
/// buys as a Poisson process with rate λ ~ Gamma(shape <see cref="R"/>, rate <see cref="Alpha"/>); after each repeat
/// purchase they drop out for good with probability p ~ Beta(<see cref="A"/>, <see cref="B"/>). Times are in the unit the
/// model was fitted in (<see cref="ModelTimeUnit"/>): <see cref="Alpha"/> is in that unit, and so are every
/// <c>t</c>, recency and age passed in. Equations and their derivations: docs/models.md.
/// All four parameters are finite and &gt; 0.
/// </summary>
public sealed record BgNbdModel
{
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    public BgNbdModel(double r, double alpha, double a, double b)
    {
        R = Positive(r, nameof(r));
        Alpha = Positive(alpha, nameof(alpha));
        A = Positive(a, nameof(a));
        B = Positive(b, nameof(b));
    }

    /// <summary>Shape of the Gamma distribution of purchase rates λ.</summary>
    public double R { get; }

    /// <summary>Rate (inverse scale) of the Gamma distribution of purchase rates, in the model's time unit.</summary>
    public double Alpha { get; }

    /// <summary>First shape of the Beta distribution of the drop-out probability p.</summary>
    public double A { get; }

    /// <summary>Second shape of the Beta distribution of the drop-out probability p.</summary>
    public double B { get; }

    /// <summary>
    /// ln L(r, α, a, b | x, t_x, T) for one customer (natural log), computed as a log-sum-exp of the two terms so that it
    /// neither overflows nor underflows for any x.
    /// </summary>
    public double LogLikelihood(RepeatHistory history) =>
        LogLikelihood(R, Alpha, A, B, LogGammaTerm(R, A, B, history.Frequency), history.Frequency, history.Recency, history.Age);

    /// <summary>
    /// P(alive | x, t_x, T): the probability that the customer has not dropped out by the end of the observation period,
    /// in [0, 1]. Exactly 1 when x = 0 (BG/NBD lets customers drop out only right after a repeat purchase).
    /// </summary>
    public double ProbabilityAlive(RepeatHistory history)
    {
        if (history.Frequency == 0)
        {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.Exp(LogDeadToAliveOdds(history)));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T]: expected repeat purchases in the next <paramref name="t"/> time units, (T, T + t], for a
    /// customer with this history; ≥ 0, and 0 when t = 0.
    /// </summary>
    /// <param name="t">Horizon in the model's time unit, finite and ≥ 0.</param>
    public double ExpectedPurchases(RepeatHistory history, double t)
    {
        CheckHorizon(t);
        var x = history.Frequency;
        var z = t / (Alpha + history.Age + t);
        var whenAlive = ExpectedPurchasesSeries(A + B - 1 - R, A, A + B + x - 1, z);
        return Math.Max(0.0, whenAlive * ProbabilityAlive(history));
    }

    /// <summary>
    /// P(Y(t) = 0 | x, t_x, T): the probability that the customer makes no purchase in the next <paramref name="t"/>
    /// time units, in [0, 1]: 1 − P(alive) · (1 − ((α + T) / (α + T + t))^(r + x)).
    /// </summary>
    /// <param name="t">Horizon in the model's time unit, finite and ≥ 0.</param>
    public double ProbabilityNoPurchase(RepeatHistory history, double t)
    {
        CheckHorizon(t);
        var buysIfAlive = -ExpM1(-(R + history.Frequency) * Log1P(t / (Alpha + history.Age)));
        return Math.Clamp(1.0 - (ProbabilityAlive(history) * buysIfAlive), 0.0, 1.0);
    }

    /// <summary>E[X(t)]: expected repeat purchases in the first <paramref name="t"/> time units after a new customer's
    /// first purchase; ≥ 0, and 0 when t = 0.</summary>
    /// <param name="t">Time since the first purchase in the model's time unit, finite and ≥ 0.</param>
    public double ExpectedPurchasesNewCustomer(double t)
    {
        CheckHorizon(t);
        return Math.Max(0.0, ExpectedPurchasesSeries(A + B - 1 - R, A, A + B - 1, t / (Alpha + t)));
    }

    /// <summary>P(X(t) = n): the probability that a new customer makes exactly <paramref name="n"/> repeat purchases in
    /// the first <paramref name="t"/> time units; in [0, 1], and over n = 0, 1, 2, ... they sum to 1.</summary>
    /// <param name="n">Number of repeat purchases, ≥ 0.</param>
    /// <param name="t">Time since the first purchase in the model's time unit, finite and ≥ 0.</param>
    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckHorizon(t);
        if (t == 0)
        {
            return n == 0 ? 1.0 : 0.0;
        }
        var logStay = Math.Log(Alpha / (Alpha + t));
        var logGo = Math.Log(t / (Alpha + t));
        var logBetaAB = LogBeta(A, B);
        // Negative binomial term: Γ(r + j) / (Γ(r) j!) (α/(α+t))^r (t/(α+t))^j.
        double LogNegativeBinomial(int j) => LogGamma(R + j) - LogGamma(R) - LogGamma(j + 1.0) + (R * logStay) + (j * logGo);
        var stillAlive = Math.Exp(LogBeta(A, B + n) - logBetaAB + LogNegativeBinomial(n));
        if (n == 0)
        {
            return Math.Clamp(stillAlive, 0.0, 1.0);
        }
        var below = 0.0;
        for (var j = 0; j < n; j++)
        {
            below += Math.Exp(LogNegativeBinomial(j));
        }
        var droppedOut = Math.Exp(LogBeta(A + 1, B + n - 1) - logBetaAB) * Math.Max(0.0, 1.0 - below);
        return Math.Clamp(stillAlive + droppedOut, 0.0, 1.0);
    }

    /// <summary>ln Γ(r + x) − ln Γ(r) + ln B(a, b + x) − ln B(a, b): the part of the log-likelihood that depends on x only.</summary>
    internal static double LogGammaTerm(double r, double a, double b, int x) =>
        x == 0
            ? 0.0
            : LogGamma(r + x) - LogGamma(r) + LogGamma(a + b) + LogGamma(b + x) - LogGamma(b) - LogGamma(a + b + x);

    /// <summary>
    /// ln L = term(x) + r ln α + ln[(α + T)^−(r+x) + δ(x&gt;0) a / (b + x − 1) (α + t_x)^−(r+x)], the bracket by log-sum-exp.
    /// </summary>
    internal static double LogLikelihood(double r, double alpha, double a, double b, double logGammaTerm, int x, double recency, double age)
    {
        var alive = -(r + x) * Math.Log(alpha + age);
        var dead = x > 0 ? Math.Log(a) - Math.Log(b + x - 1) - ((r + x) * Math.Log(alpha + recency)) : double.NegativeInfinity;
        return logGammaTerm + (r * Math.Log(alpha)) + LogSumExp(alive, dead);
    }

    /// <summary>ln[a / (b + x − 1)] + (r + x) ln[(α + T) / (α + t_x)]: the log odds of "dropped out after the last repeat
    /// purchase" against "still alive", for x ≥ 1.</summary>
    private double LogDeadToAliveOdds(RepeatHistory history)
    {
        var x = history.Frequency;
        return Math.Log(A / (B + x - 1)) + ((R + x) * Log1P((history.Age - history.Recency) / (Alpha + history.Recency)));
    }

    private static void CheckHorizon(double t)
    {
        if (!double.IsFinite(t) || t < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "The horizon must be a finite number of time units ≥ 0.");
        }
    }

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "BG/NBD parameters must be finite and > 0.");
}
