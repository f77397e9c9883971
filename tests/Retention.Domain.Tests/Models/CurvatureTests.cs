using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class CurvatureTests
{
    [Fact]
    public void StandardErrors_QuadraticNegativeLogLikelihood_AreTheInverseCurvature()
    {
        // −ln L = (x−1)²/(2·0.25) + (y−3)²/(2·4) + independent: standard errors 0.5 and 2.
        static double Nll(double[] v) => (Math.Pow(v[0] - 1, 2) / 0.5) + (Math.Pow(v[1] - 3, 2) / 8);

        var (errors, problem) = Curvature.StandardErrors(Nll, [1.0, 3.0]);

        Assert.Null(problem);
        Assert.Equal(0.5, errors![0], 1e-5);
        Assert.Equal(2.0, errors[1], 1e-4);
    }

    [Fact]
    public void StandardErrors_SaddlePoint_SaysTheHessianIsNotPositiveDefinite()
    {
        static double Nll(double[] v) => (v[0] * v[0]) - (v[1] * v[1]);

        var (errors, problem) = Curvature.StandardErrors(Nll, [1.0, 1.0]);

        Assert.Null(errors);
        Assert.Contains("not positive definite", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void InvertPositiveDefinite_CorrelatedMatrix_GivesTheInverse()
    {
        var inverse = Curvature.InvertPositiveDefinite(new double[,] { { 4, 2 }, { 2, 3 } })!;

        // [[4, 2], [2, 3]]⁻¹ = 1/8 · [[3, −2], [−2, 4]].
        Assert.Equal(3.0 / 8, inverse[0, 0], 1e-15);
        Assert.Equal(-2.0 / 8, inverse[0, 1], 1e-15);
        Assert.Equal(-2.0 / 8, inverse[1, 0], 1e-15);
        Assert.Equal(4.0 / 8, inverse[1, 1], 1e-15);
    }
}
