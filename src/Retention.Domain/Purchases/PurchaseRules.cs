using Retention.Domain.Amounts;

namespace Retention.Domain.Purchases;

/// <summary>Bounds on what a purchase may contain. Every bound is inclusive.</summary>
public static class PurchaseRules
{
    /// <summary>How far in the future a purchase time may be, to allow for clock skew between servers.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The earliest purchase time we accept (older dates are almost always a bug in an export).</summary>
    public static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MaxLines = 250;
    public const int MaxQuantity = 100_000;
    public const int MaxDiscountCodes = 50;
    public const int MaxTextLength = 128;

    /// <summary>The longest first name we keep.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Checks a product name: 1 to 200 characters, no control characters, not only white space.</summary>
    public static FieldError? CheckProductName(string value) =>
        string.IsNullOrWhiteSpace(value) ? new FieldError("must not be empty")
        : value.Length > 200 ? new FieldError("must be at most 200 characters")
        : value.Any(char.IsControl) ? new FieldError("must not contain control characters")
        : null;

    /// <summary>Checks a first name: 1 to <see cref="MaxNameLength"/> characters, no control characters, not only white space.</summary>
    public static FieldError? CheckFirstName(string value) =>
        string.IsNullOrWhiteSpace(value) ? new FieldError("must not be empty")
        : value.Length > MaxNameLength ? new FieldError($"must be at most {MaxNameLength} characters")
        : value.Any(char.IsControl) ? new FieldError("must not contain control characters")
        : null;

    /// <summary>Checks a purchase time against <paramref name="now"/>: not before <see cref="Earliest"/>, not after now + <see cref="MaxClockSkew"/>.</summary>
    public static FieldError? CheckPurchasedAt(DateTimeOffset purchasedAt, DateTimeOffset now)
    {
        if (purchasedAt < Earliest)
        {
            return new FieldError("must not be before 1990-01-01");
        }
        if (purchasedAt > now + MaxClockSkew)
        {
            return new FieldError($"must not be more than {MaxClockSkew.TotalMinutes:0} minutes in the future");
        }
        return null;
    }

    /// <summary>Checks a line's text field (sku, category, discount code): 1 to <see cref="MaxTextLength"/> characters, no control characters.</summary>
    public static FieldError? CheckText(string value)
    {
        if (value.Length == 0)
        {
            return new FieldError("must not be empty");
        }
        if (value.Length > MaxTextLength)
        {
            return new FieldError($"must be at most {MaxTextLength} characters");
        }
        return value.Any(char.IsControl) ? new FieldError("must not contain control characters") : null;
    }

    public static FieldError? CheckQuantity(long quantity) =>
        quantity is < 1 or > MaxQuantity ? new FieldError($"must be a whole number from 1 to {MaxQuantity}") : null;

    /// <summary>Checks a unit price as an amount in the purchase's currency.</summary>
    public static FieldError? CheckUnitPrice(decimal unitPrice, CurrencyCode currency) =>
        Money.TryCreate(unitPrice, currency, out _, out var error) ? null : error;
}
