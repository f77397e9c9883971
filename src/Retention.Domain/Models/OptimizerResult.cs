namespace Retention.Domain.Models;

/// <summary>The minimum an optimiser found: where, its value, how many iterations it took, and whether it converged.</summary>
internal sealed record OptimizerResult(double[] Point, double Value, int Iterations, bool Converged);
