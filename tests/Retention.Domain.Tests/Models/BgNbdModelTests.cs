using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class BgNbdModelTests
{
    /// <summary>r = 1, α = 2, a = 1, b = 2: small integers, so the likelihood can be worked out by hand.</summary>
    private static readonly BgNbdModel Simple = new(1, 2, 1, 2);

    /// <summary>The published CDNOW estimates (Fader, Hardie &amp; Lee 2005, Table 1).</summary>
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426);

    /// <summary>
    /// L = B(a,b+x)/B(a,b) · Γ(r+x)/Γ(r) · α^r/(α+T)^(r+x) + δ(x&gt;0) B(a+1,b+x−1)/B(a,b) · Γ(r+x)/Γ(r) · α^r/(α+t_x)^(r+x):
    /// (0, 0, 3): 2/5. (1, 1, 3): 2/3 · 2/25 + 1/3 · 2/9 = 258/2025. (2, 2, 4): 1/2 · 2 · 2/216 + 1/6 · 2 · 2/64 = 17/864.
    /// </summary>
    [Theory]
    [InlineData(0, 0.0, 3.0, 2.0 / 5)]
    [InlineData(1, 1.0, 3.0, 258.0 / 2025)]
    [InlineData(2, 2.0, 4.0, 17.0 / 864)]
    public void LogLikelihood_SmallIntegerParameters_EqualsHandComputedValue(int x, double recency, double age, double likelihood)
    {
        var actual = Simple.LogLikelihood(RepeatHistory.Create(x, recency, age));

        Assert.Equal(Math.Log(likelihood), actual, 1e-13);
    }

    [Fact]
    public void LogLikelihood_TinyDataSet_IsTheSumOverCustomers()
    {
        RepeatHistory[] customers = [RepeatHistory.Create(0, 0, 3), RepeatHistory.Create(1, 1, 3), RepeatHistory.Create(2, 2, 4)];

        var total = customers.Sum(Simple.LogLikelihood);

        Assert.Equal(Math.Log(2.0 / 5 * 258.0 / 2025 * 17.0 / 864), total, 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(38.86)]
    [InlineData(1e9)]
    public void ProbabilityAlive_NoRepeatPurchase_IsOne(double age)
    {
        Assert.Equal(1.0, Published.ProbabilityAlive(RepeatHistory.Create(0, 0, age)));
    }

    [Fact]
    public void ProbabilityAlive_OneRepeatPurchase_EqualsHandComputedValue()
    {
        // 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) = 1 / (1 + 1/2 · (5/3)²) = 18/43.
        Assert.Equal(18.0 / 43, Simple.ProbabilityAlive(RepeatHistory.Create(1, 1, 3)), 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void ProbabilityAlive_LaterLastPurchase_IsHigher(int x)
    {
        var values = Enumerable.Range(0, 9).Select(k => Published.ProbabilityAlive(RepeatHistory.Create(x, 5.0 * k, 40))).ToList();

        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.First} then {pair.Second}"));
        Assert.All(values, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void ProbabilityAlive_LongerSilenceSinceLastPurchase_IsLower()
    {
        var values = Enumerable.Range(0, 8).Select(k => Published.ProbabilityAlive(RepeatHistory.Create(4, 10, 10 + (5.0 * k)))).ToList();

        Assert.Equal(1.0 / (1 + (0.793 / (2.426 + 3))), values[0], 1e-12);
        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.Second < pair.First));
    }

    [Theory]
    [InlineData(100_000, 1.0, 52.0, 0.0)]
    [InlineData(100_000, 52.0, 52.0, 1.0)]
    [InlineData(5_000, 51.0, 52.0, 0.0)]
    public void ProbabilityAlive_HugeFrequency_IsFiniteAndAtItsLimit(int x, double recency, double age, double limit)
    {
        var p = Published.ProbabilityAlive(RepeatHistory.Create(x, recency, age));
        var expected = Published.ExpectedPurchases(RepeatHistory.Create(x, recency, age), 52);

        Assert.Equal(limit, p, 1e-3);
        Assert.True(double.IsFinite(expected) && expected >= 0, $"{expected}");
        Assert.True(double.IsFinite(Published.LogLikelihood(RepeatHistory.Create(x, recency, age))));
    }

    /// <summary>Hardie's spreadsheet for the BG/NBD paper, as quoted by lifetimes' tests (tests/test_estimation.py).</summary>
    [Fact]
    public void ExpectedPurchases_HardieWorkedExample_Is1point226()
    {
        var actual = Published.ExpectedPurchases(RepeatHistory.Create(2, 30.43, 38.86), 39);

        Assert.Equal(1.226, actual, 0.001);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(13.0)]
    [InlineData(52.0)]
    public void ExpectedPurchases_NoHistoryYet_EqualsNewCustomerExpectation(double t)
    {
        var conditional = Published.ExpectedPurchases(RepeatHistory.Create(0, 0, 0), t);

        Assert.Equal(Published.ExpectedPurchasesNewCustomer(t), conditional, 1e-14);
    }

    [Fact]
    public void ExpectedPurchases_LongerHorizon_NeverLess()
    {
        var history = RepeatHistory.Create(3, 20, 38);
        var values = Enumerable.Range(0, 30).Select(k => Published.ExpectedPurchases(history, 4.0 * k)).ToList();

        Assert.Equal(0.0, values[0]);
        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public void ExpectedPurchases_AtAEqualsOne_IsContinuous()
    {
        var history = RepeatHistory.Create(2, 12, 30);
        var atOne = new BgNbdModel(0.5, 5, 1.0, 2.0).ExpectedPurchases(history, 26);
        var nearOne = new BgNbdModel(0.5, 5, 1.0 + 1e-9, 2.0).ExpectedPurchases(history, 26);

        Assert.Equal(nearOne, atOne, 1e-7);
    }

    [Fact]
    public void ExpectedPurchases_ASmallerThanBPlusOne_IsFinite()
    {
        // a + b < 1 puts the textbook ₂F₁'s c = a + b − 1 below 0; the series must not hit a pole.
        var model = new BgNbdModel(0.8, 3, 0.3, 0.4);

        var value = model.ExpectedPurchasesNewCustomer(10);

        Assert.True(double.IsFinite(value) && value > 0, $"{value}");
        Assert.Equal(value, Enumerable.Range(0, 400).Sum(n => n * model.ProbabilityOfPurchases(n, 10)), 1e-6);
    }

    [Fact]
    public void ExpectedPurchasesNewCustomer_SmallT_GrowsAtTheMeanPurchaseRate()
    {
        var t = 1e-6;

        Assert.Equal(Published.R / Published.Alpha, Published.ExpectedPurchasesNewCustomer(t) / t, 1e-6);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(39.0)]
    [InlineData(78.0)]
    public void ProbabilityOfPurchases_OverAllCounts_SumsToOneAndMatchesTheMean(double t)
    {
        var probabilities = Enumerable.Range(0, 2000).Select(n => Published.ProbabilityOfPurchases(n, t)).ToList();

        Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
        Assert.Equal(1.0, probabilities.Sum(), 1e-9);
        Assert.Equal(Published.ExpectedPurchasesNewCustomer(t), probabilities.Select((p, n) => n * p).Sum(), 1e-6);
    }

    [Fact]
    public void ProbabilityOfPurchases_ZeroTime_IsCertainlyZeroPurchases()
    {
        Assert.Equal(1.0, Published.ProbabilityOfPurchases(0, 0));
        Assert.Equal(0.0, Published.ProbabilityOfPurchases(3, 0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(39.0)]
    public void ProbabilityNoPurchase_NewCustomer_EqualsProbabilityOfZeroPurchases(double t)
    {
        var none = Published.ProbabilityNoPurchase(RepeatHistory.Create(0, 0, 0), t);

        Assert.Equal(Published.ProbabilityOfPurchases(0, t), none, 1e-14);
    }

    [Fact]
    public void ProbabilityNoPurchase_OneRepeatPurchase_EqualsHandComputedValue()
    {
        // 1 − P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)) = 1 − 18/43 · (1 − (5/7)²) = 1 − 18/43 · 24/49.
        var none = Simple.ProbabilityNoPurchase(RepeatHistory.Create(1, 1, 3), 2);

        Assert.Equal(1 - (18.0 / 43 * 24.0 / 49), none, 1e-15);
    }

    [Fact]
    public void ProbabilityNoPurchase_LongerHorizonOrDeadLikelier_IsHigherOrLower()
    {
        var recent = RepeatHistory.Create(5, 38, 39);
        var lapsed = RepeatHistory.Create(5, 5, 39);

        Assert.True(Published.ProbabilityNoPurchase(recent, 13) > Published.ProbabilityNoPurchase(recent, 26));
        Assert.True(Published.ProbabilityNoPurchase(lapsed, 13) > Published.ProbabilityNoPurchase(recent, 13));
        Assert.True(Published.ProbabilityNoPurchase(lapsed, 1e6) >= 1 - Published.ProbabilityAlive(lapsed) - 1e-12);
    }

    [Theory]
    [InlineData(0.0, 1, 1, 1)]
    [InlineData(1, -1, 1, 1)]
    [InlineData(1, 1, double.NaN, 1)]
    [InlineData(1, 1, 1, double.PositiveInfinity)]
    public void Constructor_NonPositiveOrNonFiniteParameter_Throws(double r, double alpha, double a, double b)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(r, alpha, a, b));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ExpectedPurchases_InvalidHorizon_Throws(double t)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Published.ExpectedPurchases(default, t));
        Assert.Throws<ArgumentOutOfRangeException>(() => Published.ProbabilityNoPurchase(default, t));
        Assert.Throws<ArgumentOutOfRangeException>(() => Published.ExpectedPurchasesNewCustomer(t));
    }

    [Theory]
    [InlineData(-1, 0.0, 1.0)]
    [InlineData(0, 1.0, 2.0)]
    [InlineData(2, 3.0, 2.0)]
    [InlineData(2, -0.5, 2.0)]
    [InlineData(2, 1.0, double.NaN)]
    public void RepeatHistory_InvalidValues_AreRejectedWithAReason(int x, double recency, double age)
    {
        Assert.False(RepeatHistory.TryCreate(x, recency, age, out _, out var error));
        Assert.NotEmpty(error.Reason);
        Assert.Throws<ArgumentException>(() => RepeatHistory.Create(x, recency, age));
    }
}
