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
    private static readonly string[] CustomerAliases = ["customerid", "customer_id", "customer", "customer id", "customernumber"];
    private static readonly string[] DateAliases = ["purchasedat", "purchased_at", "date", "invoicedate", "invoice_date", "created_at", "createdat", "order_date", "orderdate"];
    private static readonly string[] AmountAliases = ["total", "amount", "dollars", "total_price", "totalprice", "dollar_value", "value", "revenue"];
    private static readonly string[] CurrencyAliases = ["currency", "currency_code"];
    private static readonly string[] OrderAliases = ["orderid", "order_id", "invoiceno", "invoice_no", "invoice", "order_number"];

    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>Reads a purchases CSV or a CDNOW file, whichever the first line shows.</summary>
    public IEnumerable<ImportRow> Read(TextReader reader)
    {
        var line = 0;
        string? first;
        do
        {
            first = reader.ReadLine();
            line++;
        }
        while (first is not null && first.Trim().Length == 0);
        return first is null ? [] : Read(first, line, reader, ImportFormat.Auto);
    }

    /// <summary>Reads the rows after <paramref name="first"/> (line <paramref name="firstLine"/>, already read) in <paramref name="format"/>.</summary>
    internal IEnumerable<ImportRow> Read(string first, int firstLine, TextReader rest, ImportFormat format)
    {
        var delimiter = CsvRecordReader.GuessDelimiter(first);
        var delimited = format switch
        {
            ImportFormat.Cdnow => false,
            ImportFormat.PurchasesCsv => true,
            _ => delimiter is not null,
        };
        return delimited ? ReadDelimited(rest, first, delimiter ?? ',', firstLine) : ReadWhitespace(rest, first, firstLine);
    }

    /// <summary>The same rows as import items: purchases, skipped rows and bad rows.</summary>
    internal IEnumerable<ImportItem> ReadItems(string first, int firstLine, TextReader rest, ImportFormat format)
    {
        foreach (var row in Read(first, firstLine, rest, format))
        {
            yield return row switch
            {
                { Purchase: { } purchase } => new ImportItem { Line = row.Line, Purchase = purchase },
                { Skipped: true } => ImportItem.Skip(row.Line, SkipReasons.NoCustomer),
                _ => ImportItem.Bad(row.Column is { } column ? ImportProblem.InColumn(row.Line, column, row.Reason!) : new ImportProblem(row.Line, null, row.Reason!)),
            };
        }
    }

    private IEnumerable<ImportRow> ReadDelimited(TextReader reader, string header, char delimiter, int headerLine)
    {
        var columns = new CsvColumns(CsvRecordReader.SplitLine(header, delimiter));
        var customer = columns.Find(CustomerAliases);
        var date = columns.Find(DateAliases);
        if (customer < 0 || date < 0)
        {
            throw new FormatException(
                $"Line {headerLine}: the header needs a customer column ({string.Join(", ", CustomerAliases)}) and a date column ({string.Join(", ", DateAliases)}); found: {string.Join(", ", columns.Names)}.");
        }
        var amount = columns.Find(AmountAliases);
        var currency = columns.Find(CurrencyAliases);
        var order = columns.Find(OrderAliases);
        var records = new CsvRecordReader(reader, delimiter, headerLine);
        while (records.TryRead(out var fields, out var line))
        {
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return ToRow(line,
                new Cell(CsvColumns.Value(fields, customer), columns.NameOf(customer)),
                new Cell(CsvColumns.Value(fields, date), columns.NameOf(date)),
                new Cell(CsvColumns.Value(fields, amount), columns.NameOf(amount)),
                new Cell(CsvColumns.Value(fields, currency), columns.NameOf(currency)),
                CsvColumns.Value(fields, order) is { } orderText ? new Cell(orderText, columns.NameOf(order)) : null);
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
                yield return ToRow(line, new(tokens[0], "customer"), new(tokens[2], "date"), new(tokens[4], "dollars"), new(null, "currency"), null);
            }
            else if (tokens.Length == 4)
            {
                yield return ToRow(line, new(tokens[0], "customer"), new(tokens[1], "date"), new(tokens[3], "dollars"), new(null, "currency"), null);
            }
            else if (tokens.Length > 0)
            {
                yield return new ImportRow(line, null, false, $"expected 4 or 5 columns (customer [sample] date cds dollars), got {tokens.Length}")
                {
                    Reason = $"expected 4 or 5 columns (customer [sample] date cds dollars), got {tokens.Length}",
                };
            }
            text = reader.ReadLine();
            line++;
        }
    }

    private ImportRow ToRow(int line, Cell customer, Cell date, Cell amount, Cell currencyCell, Cell? order)
    {
        if (string.IsNullOrEmpty(customer.Text) || customer.Text.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return new ImportRow(line, null, true, null);
        }
        if (!CustomerId.TryParse(customer.Text, out var customerId, out var customerError))
        {
            return Error(line, customer.Column, customerError.Reason);
        }
        if (ImportValues.ParseInstant(date.Text, calendar) is not { } purchasedAt)
        {
            return Error(line, date.Column, ImportValues.NotADate(date.Text));
        }
        if (PurchaseRules.CheckPurchasedAt(purchasedAt, now) is { } timeError)
        {
            return Error(line, date.Column, timeError.Reason);
        }
        var currency = defaultCurrency;
        if (!string.IsNullOrEmpty(currencyCell.Text) && !CurrencyCode.TryParse(currencyCell.Text, out currency, out var currencyError))
        {
            return Error(line, currencyCell.Column, currencyError.Reason);
        }
        decimal value = 0;
        if (!string.IsNullOrEmpty(amount.Text) && !ImportValues.TryDecimal(amount.Text, out value))
        {
            return Error(line, amount.Column, ImportValues.NotANumber(amount.Text));
        }
        if (!Money.TryCreate(value, currency, out var total, out var amountError))
        {
            return Error(line, amount.Column, amountError.Reason);
        }
        var orderId = order?.Text ?? DeterministicOrderId(customer.Text, date.Text!, amount.Text ?? "");
        if (!OrderId.TryParse(orderId, out var orderKey, out var orderError))
        {
            return Error(line, order?.Column ?? "order id", orderError.Reason);
        }
        return new ImportRow(line, new Purchase { OrderId = orderKey, CustomerId = customerId, PurchasedAt = purchasedAt, Total = total }, false, null);
    }

    private string DeterministicOrderId(string customer, string date, string amount)
    {
        var key = string.Join('\u001f', customer, date, amount);
        var occurrence = _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + '\u001f' + occurrence.ToString(CultureInfo.InvariantCulture)));
        return "imp-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static ImportRow Error(int line, string column, string reason) =>
        new(line, null, false, $"column \"{column}\": {reason}") { Column = column, Reason = reason };

    private static string[] Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A field's text and the name of its column, for errors.</summary>
    private readonly record struct Cell(string? Text, string Column);
}
