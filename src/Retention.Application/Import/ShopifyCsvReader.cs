using System.Collections.Immutable;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>
/// Reads Shopify's orders export (Orders → Export, "CSV for Excel, Numbers or other spreadsheet programs"): one row per
/// line item; the order's own columns (Financial Status, Paid at, Total, …) are on its first row, and the rows of one
/// order follow each other with the same Name. docs/import.md maps every column.
/// <list type="bullet">
/// <item>Orders with Financial Status paid, partially_refunded or refunded become purchases at Paid at (Created at when
/// empty); pending, authorized, partially_paid, voided and expired ones are skipped with their status as the reason.</item>
/// <item>The order id is the Id column (Shopify's numeric order id, the same the webhooks carry) or, without it, the Name.</item>
/// <item>The customer id is a Customer Id column when the file has one; otherwise, because Shopify's export has no
/// customer id, the guest id of the email (<see cref="GuestCustomer.IdFor"/>: a hash of the lower-cased email, the id
/// webhooks give guest checkouts), so the address never becomes a key.</item>
/// <item>Refunded Amount becomes one refund with a fixed id per order; Cancelled at a cancellation.</item>
/// </list>
/// </summary>
internal sealed class ShopifyCsvReader(ImportContext context)
{
    public const string RefundId = "shopify-export-refund";

    private static readonly string[] Paid = ["paid", "partially_refunded", "refunded"];
    private static readonly string[] NotPaid = ["pending", "authorized", "partially_paid", "voided", "expired", "unpaid"];

    public IEnumerable<ImportItem> Read(string header, int headerLine, TextReader rest)
    {
        var delimiter = CsvRecordReader.GuessDelimiter(header) ?? ',';
        var columns = Columns.From(new CsvColumns(CsvRecordReader.SplitLine(header, delimiter)), headerLine);
        var records = new CsvRecordReader(rest, delimiter, headerLine);
        var group = new List<Row>();
        while (records.TryRead(out var fields, out var line))
        {
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var row = new Row(line, fields);
            if (group.Count > 0 && CsvColumns.Value(fields, columns.Name) is { } name && name == CsvColumns.Value(group[0].Fields, columns.Name))
            {
                group.Add(row);
                continue;
            }
            if (group.Count > 0)
            {
                yield return ToItem(group, columns);
            }
            group = [row];
        }
        if (group.Count > 0)
        {
            yield return ToItem(group, columns);
        }
    }

    private ImportItem ToItem(List<Row> rows, Columns c)
    {
        var first = rows[0];
        var line = first.Line;
        string? Value(int column) => CsvColumns.Value(first.Fields, column);
        ImportItem Bad(int atLine, int column, string reason) => ImportItem.Bad(ImportProblem.InColumn(atLine, c.Csv.NameOf(column), reason), rows.Count);

        if (Value(c.Name) is not { } name)
        {
            return Bad(line, c.Name, "is required: the order name, such as #1001");
        }
        if (Value(c.FinancialStatus)?.ToLowerInvariant() is not { } status)
        {
            return Bad(line, c.FinancialStatus, $"is empty on the first row of order {name}; the rows of one order must follow each other, the first with the order's columns");
        }
        if (NotPaid.Contains(status))
        {
            return ImportItem.Skip(line, SkipReasons.NotPaid("financial status", status), rows.Count);
        }
        if (!Paid.Contains(status))
        {
            return Bad(line, c.FinancialStatus, $"'{ImportValues.Shorten(status)}' is not a Shopify financial status ({string.Join(", ", Paid.Concat(NotPaid))})");
        }

        var orderColumn = Value(c.Id) is not null ? c.Id : c.Name;
        if (!OrderId.TryParse(Value(orderColumn), out var orderId, out var orderError))
        {
            return Bad(line, orderColumn, orderError.Reason);
        }
        var emailText = Value(c.Email);
        var customerColumn = Value(c.CustomerId) is not null ? c.CustomerId : c.Email;
        // The export has no customer id: the email's guest id stands for the customer, as for guest checkouts in webhooks.
        var customerText = Value(c.CustomerId) ?? (emailText is null ? null : GuestCustomer.IdFor(emailText).Value);
        if (customerText is null)
        {
            return ImportItem.Skip(line, SkipReasons.NoCustomerOrEmail, rows.Count);
        }
        if (!CustomerId.TryParse(customerText, out var customerId, out var customerError))
        {
            return Bad(line, customerColumn, customerError.Reason);
        }
        EmailAddress? email = null;
        if (emailText is not null)
        {
            if (!EmailAddress.TryParse(emailText, out var parsed, out var emailError))
            {
                return Bad(line, c.Email, emailError.Reason);
            }
            email = parsed;
        }

        var dateColumn = Value(c.PaidAt) is not null ? c.PaidAt : c.CreatedAt;
        var dateText = Value(dateColumn);
        if (dateText is null)
        {
            return Bad(line, c.PaidAt >= 0 ? c.PaidAt : c.CreatedAt, "is empty; a paid order needs Paid at or Created at");
        }
        if (ImportValues.ParseInstant(dateText, context.Calendar) is not { } purchasedAt)
        {
            return Bad(line, dateColumn, ImportValues.NotADate(dateText));
        }
        if (PurchaseRules.CheckPurchasedAt(purchasedAt, context.Now) is { } timeError)
        {
            return Bad(line, dateColumn, timeError.Reason);
        }

        var currency = context.DefaultCurrency;
        if (Value(c.Currency) is { } currencyText && !CurrencyCode.TryParse(currencyText, out currency, out var currencyError))
        {
            return Bad(line, c.Currency, currencyError.Reason);
        }
        var totalText = Value(c.Total);
        if (totalText is null)
        {
            return Bad(line, c.Total, "is required on the first row of an order");
        }
        if (!ImportValues.TryDecimal(totalText, out var totalValue))
        {
            return Bad(line, c.Total, ImportValues.NotANumber(totalText));
        }
        if (!Money.TryCreate(totalValue, currency, out var total, out var totalError))
        {
            return Bad(line, c.Total, totalError.Reason);
        }

        var lines = new List<PurchaseLine>(rows.Count);
        foreach (var row in rows)
        {
            string? Item(int column) => CsvColumns.Value(row.Fields, column);
            var quantityText = Item(c.LineQuantity);
            var lineName = Item(c.LineName);
            var skuText = Item(c.LineSku);
            if (quantityText is null && lineName is null && skuText is null)
            {
                continue;
            }
            if (!ImportValues.TryWhole(quantityText, out var quantity) || PurchaseRules.CheckQuantity(quantity) is not null)
            {
                return Bad(row.Line, c.LineQuantity, $"must be a whole number from 1 to {PurchaseRules.MaxQuantity} (got '{ImportValues.Shorten(quantityText)}')");
            }
            decimal? unitPrice = null;
            if (Item(c.LinePrice) is { } priceText)
            {
                if (!ImportValues.TryDecimal(priceText, out var price))
                {
                    return Bad(row.Line, c.LinePrice, ImportValues.NotANumber(priceText));
                }
                if (PurchaseRules.CheckUnitPrice(price, currency) is { } priceError)
                {
                    return Bad(row.Line, c.LinePrice, priceError.Reason);
                }
                unitPrice = price;
            }
            var sku = skuText ?? (lineName is null ? null : ImportLines.SkuFromName(lineName));
            if (sku is null || PurchaseRules.CheckText(sku) is not null)
            {
                return Bad(row.Line, skuText is null ? c.LineName : c.LineSku, sku is null ? "is empty, and so is Lineitem sku" : PurchaseRules.CheckText(sku)!.Reason);
            }
            lines.Add(new PurchaseLine(sku, (int)quantity, unitPrice, null, ImportLines.Name(lineName)));
        }

        var codes = new List<string>();
        foreach (var code in (Value(c.DiscountCode) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (PurchaseRules.CheckText(code) is { } codeError)
            {
                return Bad(line, c.DiscountCode, codeError.Reason);
            }
            if (!codes.Contains(code) && codes.Count < PurchaseRules.MaxDiscountCodes)
            {
                codes.Add(code);
            }
        }
        var consent = ImportValues.ParseFlag(Value(c.AcceptsMarketing), out var consentValid);
        if (!consentValid)
        {
            return Bad(line, c.AcceptsMarketing, $"must be yes or no (got '{ImportValues.Shorten(Value(c.AcceptsMarketing))}')");
        }

        var refundedText = Value(c.RefundedAmount);
        decimal refunded = 0;
        if (refundedText is not null && (!ImportValues.TryDecimal(refundedText, out refunded) || refunded < 0))
        {
            return Bad(line, c.RefundedAmount, $"must be a number of zero or more such as 12.50 (got '{ImportValues.Shorten(refundedText)}')");
        }
        if (refunded > total.Amount)
        {
            return Bad(line, c.RefundedAmount, $"must not be more than the order's Total ({total.FormatAmount()})");
        }
        if (refunded > 0 && !Money.TryCreate(refunded, currency, out _, out var refundedError))
        {
            return Bad(line, c.RefundedAmount, refundedError.Reason);
        }
        if (status == "refunded" && refunded == 0)
        {
            // Refunded in full, but the export left the amount out: the status says how much.
            refunded = total.Amount;
        }
        CancelRequest? cancel = null;
        if (Value(c.CancelledAt) is { } cancelledText)
        {
            if (ImportValues.ParseInstant(cancelledText, context.Calendar) is not { } cancelledAt)
            {
                return Bad(line, c.CancelledAt, ImportValues.NotADate(cancelledText));
            }
            cancel = new CancelRequest(cancelledAt, "Cancelled at in the Shopify orders export");
        }

        var notes = new List<string>();
        var purchase = new Purchase
        {
            OrderId = orderId,
            CustomerId = customerId,
            PurchasedAt = purchasedAt,
            Total = total,
            Email = email,
            FirstName = ImportLines.FirstName(Value(c.BillingName)),
            MarketingConsent = consent,
            Lines = ImportLines.Fit(lines, notes),
            DiscountCodes = [.. codes],
        };
        return new ImportItem
        {
            Line = line,
            Rows = rows.Count,
            Purchase = purchase,
            Refunds = refunded > 0
                ? [(orderId, new RefundRequest(Domain.Orders.RefundId.Parse(RefundId), refunded, null, "Refunded Amount in the Shopify orders export"))]
                : [],
            Cancel = cancel,
            Notes = [.. notes],
        };
    }

    private readonly record struct Row(int Line, List<string> Fields);

    /// <summary>Where each column is (-1 when the file lacks it).</summary>
    private sealed record Columns(
        CsvColumns Csv, int Name, int Email, int FinancialStatus, int PaidAt, int CreatedAt, int Currency, int Total, int RefundedAmount,
        int CancelledAt, int LineQuantity, int LineName, int LinePrice, int LineSku, int DiscountCode, int AcceptsMarketing, int Id,
        int CustomerId, int BillingName)
    {
        public static Columns From(CsvColumns csv, int headerLine)
        {
            var columns = new Columns(csv,
                Name: csv.Find("name"), Email: csv.Find("email"), FinancialStatus: csv.Find("financial status"), PaidAt: csv.Find("paid at"),
                CreatedAt: csv.Find("created at"), Currency: csv.Find("currency"), Total: csv.Find("total"), RefundedAmount: csv.Find("refunded amount"),
                CancelledAt: csv.Find("cancelled at"), LineQuantity: csv.Find("lineitem quantity"), LineName: csv.Find("lineitem name"),
                LinePrice: csv.Find("lineitem price"), LineSku: csv.Find("lineitem sku"), DiscountCode: csv.Find("discount code"),
                AcceptsMarketing: csv.Find("accepts marketing", "accepts email marketing"), Id: csv.Find("id"),
                CustomerId: csv.Find("customer id", "customer: id", "customer_id"), BillingName: csv.Find("billing name"));
            var missing = new List<string>();
            if (columns.Name < 0)
            {
                missing.Add("Name");
            }
            if (columns.FinancialStatus < 0)
            {
                missing.Add("Financial Status");
            }
            if (columns.Total < 0)
            {
                missing.Add("Total");
            }
            if (columns.PaidAt < 0 && columns.CreatedAt < 0)
            {
                missing.Add("Paid at or Created at");
            }
            if (columns.Email < 0 && columns.CustomerId < 0)
            {
                missing.Add("Email or Customer Id");
            }
            return missing.Count == 0
                ? columns
                : throw new FormatException($"Line {headerLine}: a Shopify orders export needs the columns {string.Join(", ", missing)}; found: {string.Join(", ", csv.Names)}.");
        }
    }
}
