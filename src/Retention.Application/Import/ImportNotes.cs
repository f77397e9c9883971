namespace Retention.Application.Import;

/// <summary>Changes an import made to orders that the file did not spell out. The summary counts orders per note.</summary>
public static class ImportNotes
{
    public const string LinesDropped = "orders stored without line items (more than 250 lines)";
    public const string TotalsRounded = "invoice totals rounded to the currency's decimals (sub-penny unit prices)";
    public const string ReturnsCut = "returns larger than the customer's earlier invoices in the file (the rest is not recorded)";
}
