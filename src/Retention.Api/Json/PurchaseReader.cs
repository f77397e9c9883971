using System.Collections.Immutable;
using System.Text.Json;
using Retention.Domain;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Api.Json;

/// <summary>Reads a purchase from its JSON contract (docs/api.md) and validates every field with the domain's rules.</summary>
internal static class PurchaseReader
{
    /// <summary>Returns the purchase, or null with every problem recorded in <paramref name="errors"/> under its JSON path.</summary>
    public static Purchase? Read(JsonElement element, string path, DateTimeOffset now, ValidationErrors errors)
    {
        var fields = new JsonFields(element, path, errors);
        if (!fields.IsObject())
        {
            return null;
        }
        var before = errors.Count;

        var orderId = Check<OrderId>(fields, "orderId", fields.String("orderId", required: true), OrderId.TryParse);
        var customerId = Check<CustomerId>(fields, "customerId", fields.String("customerId", required: true), CustomerId.TryParse);
        var purchasedAt = fields.Instant("purchasedAt", required: true);
        if (purchasedAt is { } at && PurchaseRules.CheckPurchasedAt(at, now) is { } timeError)
        {
            errors.Add(fields.PathOf("purchasedAt"), timeError.Reason);
        }
        var currency = Check<CurrencyCode>(fields, "currency", fields.String("currency", required: true), CurrencyCode.TryParse);
        var totalValue = fields.Decimal("total", required: true);
        Money? total = null;
        if (totalValue is < 0)
        {
            errors.Add(fields.PathOf("total"), "must be zero or more");
        }
        else if (totalValue is { } amount && currency is { } c)
        {
            if (Money.TryCreate(amount, c, out var money, out var moneyError))
            {
                total = money;
            }
            else
            {
                errors.Add(fields.PathOf("total"), moneyError.Reason);
            }
        }
        var emailText = fields.String("email");
        var email = emailText is null ? null : Check<EmailAddress>(fields, "email", emailText, EmailAddress.TryParse);
        var firstName = fields.String("firstName");
        if (firstName is not null && PurchaseRules.CheckFirstName(firstName) is { } nameError)
        {
            errors.Add(fields.PathOf("firstName"), nameError.Reason);
        }
        var localeText = fields.String("locale");
        var locale = localeText is null ? null : Check<LocaleTag>(fields, "locale", localeText, LocaleTag.TryParse);
        var consent = fields.Bool("marketingConsent");
        var isTest = fields.Bool("test") ?? false;
        var lines = ReadLines(fields, currency);
        var codes = ReadDiscountCodes(fields);
        var referralCode = CheckText(fields, "referralCode", fields.String("referralCode"));

        if (errors.Count != before || orderId is null || customerId is null || purchasedAt is null || total is null)
        {
            return null;
        }
        return new Purchase
        {
            OrderId = orderId.Value,
            CustomerId = customerId.Value,
            PurchasedAt = purchasedAt.Value,
            Total = total.Value,
            Email = email,
            FirstName = firstName,
            Locale = locale,
            MarketingConsent = consent,
            IsTest = isTest,
            Lines = lines,
            DiscountCodes = codes,
            ReferralCode = referralCode,
        };
    }

    private static ImmutableArray<PurchaseLine> ReadLines(JsonFields fields, CurrencyCode? currency)
    {
        if (fields.Array("items", PurchaseRules.MaxLines) is not { } items)
        {
            return [];
        }
        var lines = ImmutableArray.CreateBuilder<PurchaseLine>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var line = new JsonFields(item, $"{fields.PathOf("items")}[{index++}]", fields.Errors);
            if (!line.IsObject())
            {
                continue;
            }
            var sku = CheckText(line, "sku", line.String("sku", required: true));
            var quantity = line.Integer("quantity", required: true);
            if (quantity is { } q && PurchaseRules.CheckQuantity(q) is { } quantityError)
            {
                line.Errors.Add(line.PathOf("quantity"), quantityError.Reason);
                quantity = null;
            }
            var unitPrice = line.Decimal("unitPrice");
            if (unitPrice is { } price && currency is { } c && PurchaseRules.CheckUnitPrice(price, c) is { } priceError)
            {
                line.Errors.Add(line.PathOf("unitPrice"), priceError.Reason);
            }
            var category = CheckText(line, "category", line.String("category"));
            var name = line.String("name");
            if (name is not null && PurchaseRules.CheckProductName(name) is { } nameError)
            {
                line.Errors.Add(line.PathOf("name"), nameError.Reason);
            }
            if (sku is not null && quantity is not null)
            {
                lines.Add(new PurchaseLine(sku, (int)quantity.Value, unitPrice, category, name));
            }
        }
        return lines.ToImmutable();
    }

    private static ImmutableArray<string> ReadDiscountCodes(JsonFields fields)
    {
        if (fields.Array("discountCodes", PurchaseRules.MaxDiscountCodes) is not { } array)
        {
            return [];
        }
        var codes = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var code in array.EnumerateArray())
        {
            var codePath = $"{fields.PathOf("discountCodes")}[{index++}]";
            if (code.ValueKind != JsonValueKind.String)
            {
                fields.Errors.Add(codePath, "must be a string");
            }
            else if (PurchaseRules.CheckText(code.GetString()!) is { } error)
            {
                fields.Errors.Add(codePath, error.Reason);
            }
            else
            {
                codes.Add(code.GetString()!);
            }
        }
        return codes.ToImmutable();
    }

    private static string? CheckText(JsonFields fields, string name, string? value)
    {
        if (value is not null && PurchaseRules.CheckText(value) is { } error)
        {
            fields.Errors.Add(fields.PathOf(name), error.Reason);
            return null;
        }
        return value;
    }

    internal delegate bool TryParse<T>(string? value, out T result, out FieldError? error);

    internal static T? Check<T>(JsonFields fields, string name, string? value, TryParse<T> parse)
        where T : struct
    {
        if (value is null)
        {
            return null;
        }
        if (parse(value, out var result, out var error))
        {
            return result;
        }
        fields.Errors.Add(fields.PathOf(name), error!.Reason);
        return null;
    }
}
