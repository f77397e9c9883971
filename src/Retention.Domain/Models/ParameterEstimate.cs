namespace Retention.Domain.Models;

/// <summary>A fitted parameter: its name as in the papers (r, alpha, a, b; p, q, gamma), value and standard error.</summary>
/// <param name="StandardError">Asymptotic standard error from the observed information; null when it cannot be computed
/// (the fit result's note says why).</param>
public sealed record ParameterEstimate(string Name, double Value, double? StandardError);
