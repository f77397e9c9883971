using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Retention.Domain.Customers;

/// <summary>
/// A single mailbox address (<c>local@domain.tld</c>), at most 254 characters, without a display name.
/// Personal data: never log it.
/// </summary>
public readonly record struct EmailAddress
{
    /// <summary>The longest address SMTP can carry (RFC 5321, 4.5.3.1.3).</summary>
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    /// <summary>The address as given, with the domain lower-cased.</summary>
    public string Value { get; }

    /// <summary>Validates an address; on failure <paramref name="error"/> says why without echoing the address.</summary>
    public static bool TryParse(string? value, out EmailAddress email, [NotNullWhen(false)] out FieldError? error)
    {
        email = default;
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            error = new FieldError("must not be empty (leave the field out instead)");
            return false;
        }
        if (value.Length > MaxLength)
        {
            error = new FieldError($"must be at most {MaxLength} characters");
            return false;
        }
        var at = value.LastIndexOf('@');
        var looksRight = at > 0 && at < value.Length - 1 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        var domain = looksRight ? value[(at + 1)..] : "";
        if (!looksRight || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.')
            || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || parsed.DisplayName.Length > 0)
        {
            error = new FieldError("must be an email address such as name@example.com");
            return false;
        }
        email = new EmailAddress(string.Concat(value.AsSpan(0, at + 1), domain.ToLowerInvariant()));
        return true;
    }

    /// <summary>Parses an address known to be valid; throws otherwise.</summary>
    public static EmailAddress Parse(string value) =>
        TryParse(value, out var email, out var error) ? email : throw new FormatException($"Email {error.Reason}.");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
