using System.Globalization;
using System.Text.Json;
using Retention.Api.Json;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Api.Tests.Support;

/// <summary>Runs the readers on JSON text and returns what they produced with the errors by path.</summary>
internal static class Read
{
    /// <summary>The server clock for every read.</summary>
    public static readonly DateTimeOffset Now = At("2024-03-01T12:00:00Z");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static (Purchase? Purchase, Dictionary<string, string[]> Errors) Purchase(string json, string path = "$")
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        var purchase = PurchaseReader.Read(document.RootElement, path, Now, errors);
        return (purchase, errors.ToDictionary());
    }

    public static (RefundRequest? Request, Dictionary<string, string[]> Errors) Refund(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        var request = OrderChangeReader.ReadRefund(document.RootElement, errors);
        return (request, errors.ToDictionary());
    }

    public static (CancelRequest? Request, Dictionary<string, string[]> Errors) Cancel(string? json)
    {
        var errors = new ValidationErrors();
        if (json is null)
        {
            return (OrderChangeReader.ReadCancel(null, errors), errors.ToDictionary());
        }
        using var document = JsonDocument.Parse(json);
        return (OrderChangeReader.ReadCancel(document.RootElement, errors), errors.ToDictionary());
    }

    /// <summary>A valid purchase with one field replaced by raw JSON (or removed when <paramref name="rawValue"/> is null).</summary>
    public static string PurchaseWith(string field, string? rawValue)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["orderId"] = "\"order-1\"",
            ["customerId"] = "\"customer-1\"",
            ["purchasedAt"] = "\"2024-02-29T10:00:00+01:00\"",
            ["currency"] = "\"EUR\"",
            ["total"] = "\"12.50\"",
        };
        if (rawValue is null)
        {
            fields.Remove(field);
        }
        else
        {
            fields[field] = rawValue;
        }
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }
}
