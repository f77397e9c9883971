using System.Collections.Immutable;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>
/// Reads UCI "Online Retail" invoice lines (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
/// CustomerID, Country; the "Online Retail II" names Invoice, Price and Customer ID too). The file is read whole, because
/// the lines of one invoice need not follow each other.
/// <list type="bullet">
/// <item>Lines are grouped by InvoiceNo into one purchase: total = Σ Quantity × UnitPrice (rounded to the currency's
/// decimals when sub-penny prices leave more, and counted), at the earliest InvoiceDate of its lines (store time zone),
/// in GBP unless another currency is asked for.</item>
/// <item>Rows without a CustomerID (empty or NA) are skipped: they cannot belong to a cohort. So are A (adjustment) invoices.</item>
/// <item>An invoice starting with C is a return, and names no original invoice. Its amount is refunded against the same
/// customer's invoices dated at or before it, most recent first, each up to what remains of it; what no earlier invoice
/// in the file can take is not recorded (returns are counted as skipped when nothing could take them). So revenue nets
/// out returns wherever the file shows what was returned from, and an invoice refunded in full stops counting as a purchase.</item>
/// </list>
/// </summary>
internal sealed class OnlineRetailReader(ImportContext context)
{
    private static readonly CurrencyCode Gbp = CurrencyCode.Parse("GBP");

    /// <summary>All items of the file, read whole: invoices and skipped rows in file order, then the returns by date.</summary>
    public List<ImportItem> Read(string header, int headerLine, TextReader rest)
    {
        var delimiter = CsvRecordReader.GuessDelimiter(header) ?? ',';
        var csv = new CsvColumns(CsvRecordReader.SplitLine(header, delimiter));
        var c = Columns.From(csv, headerLine);
        var currency = context.RequestedCurrency ?? Gbp;

        // In file order: an invoice where its first line is, or an item (skipped or bad row) of its own.
        var sequence = new List<object>();
        var invoices = new Dictionary<string, Invoice>(StringComparer.Ordinal);
        var returns = new List<Invoice>();
        var records = new CsvRecordReader(rest, delimiter, headerLine);
        while (records.TryRead(out var fields, out var line))
        {
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string? Value(int column) => CsvColumns.Value(fields, column);
            ImportProblem Problem(int column, string reason) => ImportProblem.InColumn(line, csv.NameOf(column), reason);

            var customerText = NormaliseCustomer(Value(c.Customer));
            if (customerText is null)
            {
                sequence.Add(ImportItem.Skip(line, SkipReasons.NoCustomer));
                continue;
            }
            if (Value(c.Invoice) is not { } number)
            {
                sequence.Add(ImportItem.Bad(Problem(c.Invoice, "is required")));
                continue;
            }
            if (number.StartsWith('A') || number.StartsWith('a'))
            {
                sequence.Add(ImportItem.Skip(line, SkipReasons.AdjustmentInvoice));
                continue;
            }
            if (!invoices.TryGetValue(number, out var invoice))
            {
                invoice = new Invoice(number, line, customerText, isReturn: number.StartsWith('C') || number.StartsWith('c'));
                invoices.Add(number, invoice);
                if (invoice.IsReturn)
                {
                    returns.Add(invoice);
                }
                else
                {
                    sequence.Add(invoice);
                }
            }
            invoice.Rows++;
            if (invoice.Problem is not null)
            {
                continue;
            }
            if (customerText != invoice.CustomerText)
            {
                invoice.Problem = Problem(c.Customer, $"invoice {number} has CustomerID {invoice.CustomerText} on line {invoice.Line}");
                continue;
            }
            var quantityText = Value(c.Quantity);
            if (!ImportValues.TryWhole(quantityText, out var quantity))
            {
                invoice.Problem = Problem(c.Quantity, $"must be a whole number (got '{ImportValues.Shorten(quantityText)}')");
                continue;
            }
            if (invoice.IsReturn ? quantity > 0 : quantity <= 0)
            {
                invoice.Problem = Problem(c.Quantity, invoice.IsReturn
                    ? "must be below zero on a return (an invoice starting with C)"
                    : "must be more than zero on a sale (returns are invoices starting with C)");
                continue;
            }
            var priceText = Value(c.Price);
            if (!ImportValues.TryDecimal(priceText, out var price) || price < 0)
            {
                invoice.Problem = Problem(c.Price, $"must be a number of zero or more such as 2.55 (got '{ImportValues.Shorten(priceText)}')");
                continue;
            }
            var dateText = Value(c.Date);
            if (ImportValues.ParseInstant(dateText, context.Calendar) is not { } date)
            {
                invoice.Problem = Problem(c.Date, ImportValues.NotADate(dateText));
                continue;
            }
            if (PurchaseRules.CheckPurchasedAt(date, context.Now) is { } timeError)
            {
                invoice.Problem = Problem(c.Date, timeError.Reason);
                continue;
            }
            var stockCode = Value(c.StockCode) ?? "unknown";
            if (PurchaseRules.CheckText(stockCode) is { } skuError)
            {
                invoice.Problem = Problem(c.StockCode, skuError.Reason);
                continue;
            }
            if (!invoice.IsReturn && PurchaseRules.CheckQuantity(quantity) is { } quantityError)
            {
                invoice.Problem = Problem(c.Quantity, quantityError.Reason);
                continue;
            }
            invoice.Date = invoice.Date is { } earlier && earlier <= date ? earlier : date;
            invoice.Amount += quantity * price;
            var description = Value(c.Description);
            invoice.Lines.Add(new PurchaseLine(stockCode, (int)Math.Abs(quantity),
                PurchaseRules.CheckUnitPrice(price, currency) is null ? price : null, null,
                ImportLines.Name(description is "NA" ? null : description)));
        }

        var sales = new Dictionary<string, List<Invoice>>(StringComparer.Ordinal);
        foreach (var entry in sequence)
        {
            if (entry is Invoice invoice)
            {
                invoice.Item = ToPurchase(invoice, csv, c, currency);
                if (invoice.Item.Purchase is not null)
                {
                    (sales.TryGetValue(invoice.CustomerText, out var list) ? list : sales[invoice.CustomerText] = []).Add(invoice);
                }
            }
        }
        var items = sequence.Select(entry => entry as ImportItem ?? ((Invoice)entry).Item!).ToList();
        foreach (var invoice in returns.OrderBy(r => r.Date ?? DateTimeOffset.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal))
        {
            items.Add(ToReturn(invoice, sales, currency));
        }
        return items;
    }

    private static ImportItem ToPurchase(Invoice invoice, CsvColumns csv, Columns c, CurrencyCode currency)
    {
        if (invoice.Problem is { } problem)
        {
            return ImportItem.Bad(problem, invoice.Rows);
        }
        if (!OrderId.TryParse(invoice.Number, out var orderId, out var orderError))
        {
            return ImportItem.Bad(ImportProblem.InColumn(invoice.Line, csv.NameOf(c.Invoice), orderError.Reason), invoice.Rows);
        }
        if (!CustomerId.TryParse(invoice.CustomerText, out var customerId, out var customerError))
        {
            return ImportItem.Bad(ImportProblem.InColumn(invoice.Line, csv.NameOf(c.Customer), customerError.Reason), invoice.Rows);
        }
        var notes = new List<string>();
        var amount = Round(invoice.Amount, currency, notes);
        if (!Money.TryCreate(amount, currency, out var total, out var totalError))
        {
            return ImportItem.Bad(ImportProblem.InColumn(invoice.Line, csv.NameOf(c.Price), $"the invoice total {totalError.Reason}"), invoice.Rows);
        }
        invoice.Remaining = total.Amount;
        return new ImportItem
        {
            Line = invoice.Line,
            Rows = invoice.Rows,
            Purchase = new Purchase
            {
                OrderId = orderId,
                CustomerId = customerId,
                PurchasedAt = invoice.Date!.Value,
                Total = total,
                Lines = ImportLines.Fit(invoice.Lines, notes),
            },
            Notes = [.. notes],
        };
    }

    /// <summary>Refunds for a return, against the customer's invoices dated at or before it, most recent first.</summary>
    private static ImportItem ToReturn(Invoice invoice, Dictionary<string, List<Invoice>> sales, CurrencyCode currency)
    {
        if (invoice.Problem is { } problem)
        {
            return ImportItem.Bad(problem, invoice.Rows);
        }
        var notes = new List<string>();
        var left = Round(-invoice.Amount, currency, notes);
        if (left <= 0)
        {
            return ImportItem.Skip(invoice.Line, SkipReasons.ZeroReturn, invoice.Rows);
        }
        var refunds = ImmutableArray.CreateBuilder<(OrderId, RefundRequest)>();
        var refundId = RefundId.Parse(invoice.Number);
        var candidates = sales.TryGetValue(invoice.CustomerText, out var list) ? list : [];
        foreach (var sale in candidates
            .Where(s => s.Date <= invoice.Date && s.Remaining > 0)
            .OrderByDescending(s => s.Date)
            .ThenByDescending(s => s.Number, StringComparer.Ordinal))
        {
            var amount = Math.Min(sale.Remaining, left);
            sale.Remaining -= amount;
            left -= amount;
            refunds.Add((sale.Item!.Purchase!.OrderId, new RefundRequest(refundId, amount, invoice.Date, $"return {invoice.Number}")));
            if (left == 0)
            {
                break;
            }
        }
        if (refunds.Count == 0)
        {
            return ImportItem.Skip(invoice.Line, SkipReasons.ReturnWithoutInvoice, invoice.Rows);
        }
        if (left > 0)
        {
            notes.Add(ImportNotes.ReturnsCut);
        }
        return new ImportItem { Line = invoice.Line, Rows = invoice.Rows, Refunds = refunds.ToImmutable(), Notes = [.. notes] };
    }

    private static decimal Round(decimal amount, CurrencyCode currency, List<string> notes)
    {
        var rounded = decimal.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero);
        if (rounded != amount)
        {
            notes.Add(ImportNotes.TotalsRounded);
        }
        return rounded;
    }

    /// <summary>The customer id as the data set writes it; "17850.0" (a spreadsheet's float) is 17850. Null for none (empty, NA).</summary>
    private static string? NormaliseCustomer(string? text)
    {
        if (text is null || text.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return text.EndsWith(".0", StringComparison.Ordinal) && text[..^2].All(char.IsAsciiDigit) ? text[..^2] : text;
    }

    /// <summary>One invoice while the file is read.</summary>
    private sealed class Invoice(string number, int line, string customerText, bool isReturn)
    {
        public string Number { get; } = number;
        public int Line { get; } = line;
        public string CustomerText { get; } = customerText;
        public bool IsReturn { get; } = isReturn;
        public int Rows { get; set; }
        public DateTimeOffset? Date { get; set; }
        public decimal Amount { get; set; }
        public List<PurchaseLine> Lines { get; } = [];
        public ImportProblem? Problem { get; set; }
        public ImportItem? Item { get; set; }

        /// <summary>What returns may still take from this invoice.</summary>
        public decimal Remaining { get; set; }
    }

    private sealed record Columns(int Invoice, int StockCode, int Description, int Quantity, int Date, int Price, int Customer)
    {
        public static Columns From(CsvColumns csv, int headerLine)
        {
            var columns = new Columns(
                Invoice: csv.Find("invoiceno", "invoice"), StockCode: csv.Find("stockcode"), Description: csv.Find("description"),
                Quantity: csv.Find("quantity"), Date: csv.Find("invoicedate"), Price: csv.Find("unitprice", "price"),
                Customer: csv.Find("customerid", "customer id"));
            var missing = new (int Index, string Name)[]
            {
                (columns.Invoice, "InvoiceNo"), (columns.StockCode, "StockCode"), (columns.Quantity, "Quantity"), (columns.Date, "InvoiceDate"),
                (columns.Price, "UnitPrice"), (columns.Customer, "CustomerID"),
            }.Where(c => c.Index < 0).Select(c => c.Name).ToList();
            return missing.Count == 0
                ? columns
                : throw new FormatException($"Line {headerLine}: an Online Retail file needs the columns {string.Join(", ", missing)}; found: {string.Join(", ", csv.Names)}.");
        }
    }
}
