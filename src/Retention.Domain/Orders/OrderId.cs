using System.Diagnostics.CodeAnalysis;

namespace Retention.Domain.Orders;

/// <summary>
/// The storefront's identifier of an order: 1 to 128 characters, no control characters, no leading or
/// trailing white space. Compared ordinally (case-sensitive), as storefronts issue them.
/// </summary>
public readonly record struct OrderId
{
    private OrderId(string value) => Value = value;

    /// <summary>The identifier exactly as the storefront sent it.</summary>
    public string Value { get; }

    /// <summary>Validates <paramref name="value"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? value, out OrderId id, [NotNullWhen(false)] out FieldError? error)
    {
        error = IdentifierRules.Check(value);
        id = error is null ? new OrderId(value!) : default;
        return error is null;
    }

    /// <summary>Parses an identifier known to be valid (stored data, tests); throws otherwise.</summary>
    public static OrderId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException($"Order id {error.Reason}.");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
