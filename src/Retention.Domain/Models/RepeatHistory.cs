using System.Diagnostics.CodeAnalysis;

namespace Retention.Domain.Models;

/// <summary>
/// One customer's purchase history as the BG/NBD model sees it, in a chosen <see cref="ModelTimeUnit"/>:
/// <see cref="Frequency"/> x = repeat purchases (purchases after the first; several on one day count once when the
/// history is built by <see cref="CalibrationHoldout"/>), <see cref="Recency"/> t_x = time from the first purchase to the
/// last repeat purchase (0 when x = 0), <see cref="Age"/> T = time from the first purchase to the end of the observation
/// period. Bounds: x ≥ 0, 0 ≤ t_x ≤ T, all finite; t_x = 0 when x = 0. The default value (0, 0, 0) is a customer who
/// bought once, at the very end of the period.
/// </summary>
public readonly record struct RepeatHistory
{
    private RepeatHistory(int frequency, double recency, double age) => (Frequency, Recency, Age) = (frequency, recency, age);

    /// <summary>x: repeat purchases, ≥ 0.</summary>
    public int Frequency { get; }

    /// <summary>t_x: time of the last repeat purchase after the first purchase, 0 ≤ t_x ≤ T; 0 when x = 0.</summary>
    public double Recency { get; }

    /// <summary>T: time from the first purchase to the end of the observation period, ≥ 0.</summary>
    public double Age { get; }

    /// <summary>Validates the three values; on failure <paramref name="error"/> says which and why.</summary>
    public static bool TryCreate(int frequency, double recency, double age, out RepeatHistory history, [NotNullWhen(false)] out FieldError? error)
    {
        error = frequency < 0 ? new FieldError("frequency must be 0 or more")
            : !double.IsFinite(age) || age < 0 ? new FieldError("age must be a finite number ≥ 0")
            : !double.IsFinite(recency) || recency < 0 || recency > age ? new FieldError("recency must be between 0 and the age, both included")
            : frequency == 0 && recency != 0 ? new FieldError("recency must be 0 when there are no repeat purchases")
            : null;
        history = error is null ? new RepeatHistory(frequency, recency, age) : default;
        return error is null;
    }

    /// <summary>Creates a history known to be valid (tests, computed data); throws <see cref="ArgumentException"/> otherwise.</summary>
    public static RepeatHistory Create(int frequency, double recency, double age) =>
        TryCreate(frequency, recency, age, out var history, out var error)
            ? history
            : throw new ArgumentException($"Invalid history (x = {frequency}, t_x = {recency}, T = {age}): {error.Reason}.", nameof(frequency));
}
