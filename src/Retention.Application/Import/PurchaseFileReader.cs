using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Retention.Domain.Amounts;
using Retention.Domain.Calendar;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>
/// Reads purchases from a text file, one purchase per row:
/// <list type="bullet">
/// <item>CSV (comma, semicolon or tab) with a header; columns are matched case-insensitively by name or alias
/// (customer: customerId, customer_id, CustomerID; date: purchasedAt, date, InvoiceDate, created_at; amount: total,
/// amount, dollars; currency; order id: orderId, order_id, InvoiceNo). Customer and date are required.</item>
/// <item>CDNOW whitespace-separated files: <c>customer date cds dollars</c>, with or without the sample-id column
/// after the customer, with or without a header line.</item>
/// </list>
/// Dates: <c>2011-12-09</c>, <c>19970101</c>, <c>2011-12-09 08:26:00</c> (store local time) or ISO 8601 with an offset.
/// A row without an order id gets a deterministic one (a hash of customer, date, amount and how many identical rows came
/// before it), so importing the same file twice changes nothing. Rows without a customer id (empty, NA) are skipped.
/// </summary>
public sealed class PurchaseFileReader(StoreCalendar calendar, CurrencyCode defaultCurrency, DateTimeOffset now)
{
    private static readonly char[] Delimiters = [',', ';', '\t'];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] CustomerAliases = ["customerid", "customer_id", "customer", "customer id", "customernumber"];
    private static readonly string[] DateAliases = ["purchasedat", "purchased_at", "date", "invoicedate", "invoice_date", "created_at", "createdat", "order_date", "orderdate"];
    private static readonly string[] AmountAliases = ["total", "amount", "dollars", "total_price", "totalprice", "dollar_value", "value", "revenue"];
    private static readonly string[] CurrencyAliases = ["currency", "currency_code"];
    private static readonly string[] OrderAliases = ["orderid", "order_id", "invoiceno", "invoice_no", "invoice", "order_number"];

    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    public IEnumerable<ImportRow> Read(TextReader reader)
    {
        string? first;
        var line = 0;
        do
        {
            first = reader.ReadLine();
            line++;
        }
        while (first is not null && first.Trim().Length == 0);
        if (first is null)
        {
            yield break;
        }
        var delimiter = Delimiters.OrderByDescending(d => first.Count(c => c == d)).First();
        var rows = first.Contains(delimiter, StringComparison.Ordinal)
            ? ReadDelimited(reader, first, delimiter, line)
            : ReadWhitespace(reader, first, line);
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private IEnumerable<ImportRow> ReadDelimited(TextReader reader, string header, char delimiter, int headerLine)
    {
        var names = SplitCsv(header, delimiter).Select(n => n.Trim().Trim('\uFEFF').ToLowerInvariant()).ToList();
        var customer = Find(names, CustomerAliases);
        var date = Find(names, DateAliases);
        if (customer < 0 || date < 0)
        {
            throw new FormatException(
                $"Line {headerLine}: the header needs a customer column ({string.Join(", ", CustomerAliases)}) and a date column ({string.Join(", ", DateAliases)}); found: {string.Join(", ", names)}.");
        }
        var amount = Find(names, AmountAliases);
        var currency = Find(names, CurrencyAliases);
        var order = Find(names, OrderAliases);
        var line = headerLine;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }
            var fields = SplitCsv(text, delimiter);
            string? Field(int index) => index >= 0 && index < fields.Count ? fields[index].Trim() : null;
            yield return ToRow(line, Field(customer), Field(date), Field(amount), Field(currency), Field(order));
        }
    }

    private IEnumerable<ImportRow> ReadWhitespace(TextReader reader, string first, int firstLine)
    {
        var line = firstLine;
        var text = first;
        var tokens = Tokens(first);
        if (tokens.Length > 0 && !tokens[0].All(char.IsAsciiDigit))
        {
            text = reader.ReadLine();
            line++;
        }
        while (text is not null)
        {
            tokens = Tokens(text);
            if (tokens.Length == 5)
            {
                yield return ToRow(line, tokens[0], tokens[2], tokens[4], null, null);
            }
            else if (tokens.Length == 4)
            {
                yield return ToRow(line, tokens[0], tokens[1], tokens[3], null, null);
            }
            else if (tokens.Length > 0)
            {
                yield return new ImportRow(line, null, false, $"expected 4 or 5 columns (customer [sample] date cds dollars), got {tokens.Length}");
            }
            text = reader.ReadLine();
            line++;
        }
    }

    private ImportRow ToRow(int line, string? customerText, string? dateText, string? amountText, string? currencyText, string? orderText)
    {
        if (string.IsNullOrEmpty(customerText) || customerText.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return new ImportRow(line, null, true, null);
        }
        if (!CustomerId.TryParse(customerText, out var customerId, out var customerError))
        {
            return Error(line, "customer", customerError.Reason);
        }
        if (ParseInstant(dateText) is not { } purchasedAt)
        {
            return Error(line, "date", $"'{dateText}' is not a date such as 2011-12-09, 19970101, 2011-12-09 08:26:00 or 2011-12-09T08:26:00+01:00");
        }
        if (PurchaseRules.CheckPurchasedAt(purchasedAt, now) is { } timeError)
        {
            return Error(line, "date", timeError.Reason);
        }
        var currency = defaultCurrency;
        if (!string.IsNullOrEmpty(currencyText) && !CurrencyCode.TryParse(currencyText, out currency, out var currencyError))
        {
            return Error(line, "currency", currencyError.Reason);
        }
        decimal value = 0;
        if (!string.IsNullOrEmpty(amountText)
            && !decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return Error(line, "amount", $"'{amountText}' is not a number such as 12.50");
        }
        if (!Money.TryCreate(value, currency, out var total, out var amountError))
        {
            return Error(line, "amount", amountError.Reason);
        }
        var orderId = string.IsNullOrEmpty(orderText) ? DeterministicOrderId(customerText, dateText!, amountText ?? "") : orderText;
        if (!OrderId.TryParse(orderId, out var order, out var orderError))
        {
            return Error(line, "order id", orderError.Reason);
        }
        return new ImportRow(line, new Purchase { OrderId = order, CustomerId = customerId, PurchasedAt = purchasedAt, Total = total }, false, null);
    }

    private string DeterministicOrderId(string customer, string date, string amount)
    {
        var key = string.Join('\u001f', customer, date, amount);
        var occurrence = _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + '\u001f' + occurrence.ToString(CultureInfo.InvariantCulture)));
        return "imp-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            return calendar.StartOf(compact);
        }
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return calendar.StartOf(day);
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 19 && (text[^6] is '+' or '-') && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var zone = calendar.Zone;
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(15);
            }
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        return null;
    }

    private static ImportRow Error(int line, string column, string reason) => new(line, null, false, $"{column} {reason}");

    private static int Find(List<string> names, string[] aliases) => names.FindIndex(aliases.Contains);

    private static string[] Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits one CSV line (RFC 4180 quoting: "a ""quoted"" field").</summary>
    internal static List<string> SplitCsv(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
