using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class SpecialFunctionsTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(3.0, 0.69314718055994531)]
    [InlineData(0.5, 0.57236494292470009)]
    [InlineData(10.0, 12.801827480081469)]
    [InlineData(0.1, 2.2527126517342060)]
    [InlineData(1e-8, 18.420680738180209)]
    [InlineData(100.0, 359.13420536957540)]
    [InlineData(1e6, 12815504.569147612)]
    public void LogGamma_KnownValues_MatchToFourteenDigits(double x, double expected)
    {
        var actual = SpecialFunctions.LogGamma(x);

        Assert.Equal(expected, actual, Math.Max(Math.Abs(expected), 1) * 1e-14);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    [InlineData(12.25)]
    [InlineData(2500.5)]
    public void LogGamma_Recurrence_HoldsAcrossTheRange(double x)
    {
        var next = SpecialFunctions.LogGamma(x + 1);

        var step = next - SpecialFunctions.LogGamma(x);

        // The difference of two values of size |ln Γ| carries their rounding: a few ulps of |ln Γ|.
        Assert.Equal(Math.Log(x), step, 1e-15 * Math.Max(8, 8 * Math.Abs(next)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void LogGamma_OutsideDomain_IsNaN(double x) => Assert.True(double.IsNaN(SpecialFunctions.LogGamma(x)));

    [Fact]
    public void LogSumExp_HugeAndEmptyTerms_StayFinite()
    {
        Assert.Equal(1000 + Math.Log(2), SpecialFunctions.LogSumExp(1000, 1000), 1e-12);
        Assert.Equal(-800.0, SpecialFunctions.LogSumExp(-800, double.NegativeInfinity));
        Assert.Equal(double.NegativeInfinity, SpecialFunctions.LogSumExp(double.NegativeInfinity, double.NegativeInfinity));
    }

    [Theory]
    [InlineData(1e-12, 9.999999999995e-13)]
    [InlineData(1e-6, 9.999995000003333e-7)]
    [InlineData(0.3, 0.26236426446749106)]
    [InlineData(-0.7, -1.2039728043259361)]
    public void Log1P_SmallAndOrdinaryArguments_MatchesReferenceValues(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.Log1P(x), Math.Abs(expected) * 1e-14);
        Assert.Equal(x, SpecialFunctions.ExpM1(SpecialFunctions.Log1P(x)), Math.Abs(x) * 1e-14);
    }

    /// <summary>
    /// The series against the textbook form c/(a−1) · [1 − (1−z)^(a−1) ₂F₁(p, a−1; c; z)] with a plain, independent
    /// ₂F₁ series, where that form is well conditioned (a away from 1, moderate z).
    /// </summary>
    [Theory]
    [InlineData(1.3, 0.8, 2.2, 0.3)]
    [InlineData(-0.5, 0.4, 1.9, 0.6)]
    [InlineData(2.8, 3.5, 6.0, 0.9)]
    [InlineData(0.0, 0.5, 1.0, 0.5)]
    [InlineData(4.97, 0.793, 5.2, 0.45)]
    [InlineData(1.2, 2.4, 40.0, 0.95)]
    public void ExpectedPurchasesSeries_AgainstTextbookForm_Agrees(double p, double a, double c, double z)
    {
        var textbook = c / (a - 1) * (1 - (Math.Pow(1 - z, a - 1) * NaiveHyp2F1(p, a - 1, c, z)));

        var actual = SpecialFunctions.ExpectedPurchasesSeries(p, a, c, z);

        Assert.Equal(textbook, actual, Math.Abs(textbook) * 1e-10);
    }

    [Fact]
    public void ExpectedPurchasesSeries_AEqualsOne_IsTheLimitFromEitherSide()
    {
        var atOne = SpecialFunctions.ExpectedPurchasesSeries(1.5, 1.0, 2.5, 0.6);
        var below = SpecialFunctions.ExpectedPurchasesSeries(1.5, 1.0 - 1e-7, 2.5, 0.6);
        var above = SpecialFunctions.ExpectedPurchasesSeries(1.5, 1.0 + 1e-7, 2.5, 0.6);

        Assert.True(double.IsFinite(atOne));
        Assert.Equal(atOne, below, 1e-6);
        Assert.Equal(atOne, above, 1e-6);
    }

    [Fact]
    public void ExpectedPurchasesSeries_CNearZero_HasNoPole()
    {
        var value = SpecialFunctions.ExpectedPurchasesSeries(-0.2, 0.4, 1e-15, 0.5);
        var nearby = SpecialFunctions.ExpectedPurchasesSeries(-0.2, 0.4, 1e-6, 0.5);

        Assert.True(double.IsFinite(value));
        Assert.Equal(nearby, value, 1e-5);
    }

    [Fact]
    public void ExpectedPurchasesSeries_ZCloseToOne_ConvergesToTheClosedFormLimit()
    {
        // With p = 0 the sum vanishes and H = −c·expm1((a−1) ln(1−z))/(a−1) exactly.
        var z = 1 - 1e-6;
        var expected = -3.0 * (Math.Pow(1 - z, 0.5) - 1) / 0.5;

        Assert.Equal(expected, SpecialFunctions.ExpectedPurchasesSeries(0, 1.5, 3.0, z), 1e-9);
    }

    private static double NaiveHyp2F1(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        for (var n = 0; n < 100_000; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }
        return sum;
    }
}
