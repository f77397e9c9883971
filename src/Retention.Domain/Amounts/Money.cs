using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Retention.Domain.Amounts;

/// <summary>
/// An amount of one currency. Amounts are <see cref="decimal"/>, never rounded silently: an amount
/// with more decimal places than the currency allows is rejected, not rounded.
/// </summary>
public readonly record struct Money(decimal Amount, CurrencyCode Currency)
{
    /// <summary>The largest amount we accept for one order or refund (inclusive): 999,999,999,999.9999.</summary>
    public const decimal MaxAmount = 999_999_999_999.9999m;

    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>
    /// Validates a non-negative amount in <paramref name="currency"/>: at most <see cref="MaxAmount"/>
    /// and at most <see cref="CurrencyCode.MinorUnits"/> decimal places (trailing zeros are fine: 10.00 JPY is 10 JPY).
    /// </summary>
    public static bool TryCreate(decimal amount, CurrencyCode currency, out Money money, [NotNullWhen(false)] out FieldError? error)
    {
        money = default;
        if (amount < 0)
        {
            error = new FieldError("must be zero or more");
            return false;
        }
        if (amount > MaxAmount)
        {
            error = new FieldError($"must be at most {MaxAmount.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }
        if (decimal.Round(amount, currency.MinorUnits) != amount)
        {
            error = new FieldError($"has more decimal places than {currency.Code} allows ({currency.MinorUnits})");
            return false;
        }
        money = new Money(decimal.Round(amount, currency.MinorUnits), currency);
        error = null;
        return true;
    }

    /// <summary>Adds two amounts of the same currency; mixing currencies is a bug and throws.</summary>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return left with { Amount = left.Amount + right.Amount };
    }

    /// <summary>Subtracts two amounts of the same currency; mixing currencies is a bug and throws.</summary>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return left with { Amount = left.Amount - right.Amount };
    }

    /// <summary>The amount in invariant culture with exactly the currency's decimal places, e.g. <c>12.50</c>.</summary>
    public string FormatAmount() =>
        Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"{FormatAmount()} {Currency.Code}";

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency} amounts.");
        }
    }
}
