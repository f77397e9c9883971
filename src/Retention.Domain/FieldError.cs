namespace Retention.Domain;

/// <summary>
/// Why a value was rejected, in words a caller can act on ("must be at most 128 characters").
/// The field name is added by whoever knows where the value came from (a JSON path, a CLI option).
/// </summary>
/// <param name="Reason">A sentence fragment that completes "the field ...".</param>
public sealed record FieldError(string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Reason;
}
