namespace Retention.Application.Import;

/// <summary>Names of the import formats on the command line, and recognising a format from a file's first line.</summary>
public static class ImportFormats
{
    private static readonly (ImportFormat Format, string Name)[] Names =
    [
        (ImportFormat.Auto, "auto"),
        (ImportFormat.ShopifyCsv, "shopify-csv"),
        (ImportFormat.WooCommerceJson, "woocommerce-json"),
        (ImportFormat.OnlineRetail, "online-retail"),
        (ImportFormat.Cdnow, "cdnow"),
        (ImportFormat.PurchasesCsv, "purchases-csv"),
    ];

    /// <summary>Every name, in the order the help lists them.</summary>
    public static IReadOnlyList<string> AllNames { get; } = [.. Names.Select(n => n.Name)];

    public static string NameOf(ImportFormat format) => Names.First(n => n.Format == format).Name;

    public static bool TryParse(string? name, out ImportFormat format)
    {
        foreach (var (candidate, text) in Names)
        {
            if (string.Equals(text, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = ImportFormat.Auto;
        return false;
    }

    /// <summary>
    /// The format of a file from its first non-empty line: JSON (<c>[</c> or <c>{</c>) is WooCommerce; a CSV header with
    /// "Financial Status" and "Lineitem …" columns is Shopify's export; one with InvoiceNo, StockCode, Quantity and
    /// UnitPrice is Online Retail; any other delimited header is a purchases CSV; whitespace-separated fields are CDNOW.
    /// </summary>
    public static ImportFormat Detect(string firstLine)
    {
        var text = firstLine.TrimStart('\uFEFF', ' ', '\t');
        if (text.StartsWith('[') || text.StartsWith('{'))
        {
            return ImportFormat.WooCommerceJson;
        }
        var delimiter = CsvRecordReader.GuessDelimiter(text);
        if (delimiter is not { } d)
        {
            return ImportFormat.Cdnow;
        }
        var names = CsvRecordReader.SplitLine(text, d).Select(CsvColumns.Normalise).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("financial status") && names.Any(n => n.StartsWith("lineitem ", StringComparison.Ordinal)))
        {
            return ImportFormat.ShopifyCsv;
        }
        if ((names.Contains("invoiceno") || names.Contains("invoice")) && names.Contains("stockcode") && names.Contains("quantity")
            && (names.Contains("unitprice") || names.Contains("price")))
        {
            return ImportFormat.OnlineRetail;
        }
        return ImportFormat.PurchasesCsv;
    }
}
