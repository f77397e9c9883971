namespace Retention.Domain.Models;

/// <summary>
/// Standard errors of maximum-likelihood estimates: the square roots of the diagonal of the inverse of the Hessian of
/// the negative log-likelihood at the estimate (the observed information), by central finite differences with a step
/// of 1e-4 relative to each parameter.
/// </summary>
internal static class Curvature
{
    private const double RelativeStep = 1e-4;

    /// <summary>
    /// Standard errors in the parameters' own units, or null with a reason when the Hessian is not positive definite
    /// (a maximum on the boundary, or parameters the data do not identify) or not finite.
    /// </summary>
    public static (double[]? StandardErrors, string? Problem) StandardErrors(Func<double[], double> negativeLogLikelihood, double[] estimate)
    {
        var hessian = Hessian(negativeLogLikelihood, estimate);
        if (hessian is null)
        {
            return (null, "the log-likelihood is not finite next to the estimate, so its curvature cannot be measured");
        }
        var inverse = InvertPositiveDefinite(hessian);
        if (inverse is null)
        {
            return (null, "the Hessian of the negative log-likelihood is not positive definite at the estimate (a parameter on its boundary or not identified by the data)");
        }
        var errors = new double[estimate.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            errors[i] = Math.Sqrt(inverse[i, i]);
        }
        return (errors, null);
    }

    /// <summary>The Hessian by central differences, or null when an evaluation is not finite.</summary>
    internal static double[,]? Hessian(Func<double[], double> f, double[] x)
    {
        var n = x.Length;
        var h = x.Select(v => RelativeStep * Math.Max(Math.Abs(v), 1e-8)).ToArray();
        var center = f(x);
        var hessian = new double[n, n];
        double At(int i, double si, int j, double sj)
        {
            var point = (double[])x.Clone();
            point[i] += si * h[i];
            point[j] += sj * h[j];
            return f(point);
        }
        for (var i = 0; i < n; i++)
        {
            hessian[i, i] = (At(i, 1, i, 0) - (2 * center) + At(i, -1, i, 0)) / (h[i] * h[i]);
            for (var j = 0; j < i; j++)
            {
                var value = (At(i, 1, j, 1) - At(i, 1, j, -1) - At(i, -1, j, 1) + At(i, -1, j, -1)) / (4 * h[i] * h[j]);
                hessian[i, j] = value;
                hessian[j, i] = value;
            }
        }
        foreach (var value in hessian)
        {
            if (!double.IsFinite(value))
            {
                return null;
            }
        }
        return hessian;
    }

    /// <summary>The inverse through a Cholesky factorisation, or null when the matrix is not positive definite.</summary>
    internal static double[,]? InvertPositiveDefinite(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }
                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }
                    lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }
        // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
        var inverseLower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverseLower[i, i] = 1 / lower[i, i];
            for (var j = 0; j < i; j++)
            {
                var sum = 0.0;
                for (var k = j; k < i; k++)
                {
                    sum -= lower[i, k] * inverseLower[k, j];
                }
                inverseLower[i, j] = sum / lower[i, i];
            }
        }
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = Math.Max(i, j); k < n; k++)
                {
                    sum += inverseLower[k, i] * inverseLower[k, j];
                }
                inverse[i, j] = sum;
            }
        }
        return inverse;
    }
}
