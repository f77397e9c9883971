using System.Diagnostics.CodeAnalysis;

namespace Retention.Domain.Orders;

/// <summary>
/// The storefront's identifier of a refund: 1 to 128 characters, no control characters, no leading or
/// trailing white space. Compared ordinally (case-sensitive), as storefronts issue them.
/// </summary>
public readonly record struct RefundId
{
    private RefundId(string value) => Value = value;

    /// <summary>The identifier exactly as the storefront sent it.</summary>
    public string Value { get; }

    /// <summary>Validates <paramref name="value"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? value, out RefundId id, [NotNullWhen(false)] out FieldError? error)
    {
        error = IdentifierRules.Check(value);
        id = error is null ? new RefundId(value!) : default;
        return error is null;
    }

    /// <summary>Parses an identifier known to be valid (stored data, tests); throws otherwise.</summary>
    public static RefundId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException($"Refund id {error.Reason}.");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
