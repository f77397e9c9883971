using System.Diagnostics.CodeAnalysis;

namespace Retention.Domain.Customers;

/// <summary>
/// The storefront's identifier of a customer: 1 to 128 characters, no control characters, no leading or
/// trailing white space. Compared ordinally (case-sensitive), as storefronts issue them.
/// </summary>
public readonly record struct CustomerId
{
    private CustomerId(string value) => Value = value;

    /// <summary>The identifier exactly as the storefront sent it.</summary>
    public string Value { get; }

    /// <summary>Validates <paramref name="value"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? value, out CustomerId id, [NotNullWhen(false)] out FieldError? error)
    {
        error = IdentifierRules.Check(value);
        id = error is null ? new CustomerId(value!) : default;
        return error is null;
    }

    /// <summary>Parses an identifier known to be valid (stored data, tests); throws otherwise.</summary>
    public static CustomerId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException($"Customer id {error.Reason}.");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
