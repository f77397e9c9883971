using System.Collections.Immutable;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>Rules for the line items and codes an import builds, shared by the formats.</summary>
internal static class ImportLines
{
    /// <summary>
    /// The lines of a purchase. An order with more lines than a purchase may hold keeps its total but not its lines
    /// (they only feed product names in emails and replenishment rules), and the summary says how many.
    /// </summary>
    public static ImmutableArray<PurchaseLine> Fit(List<PurchaseLine> lines, List<string> notes)
    {
        if (lines.Count <= PurchaseRules.MaxLines)
        {
            return [.. lines];
        }
        notes.Add(ImportNotes.LinesDropped);
        return [];
    }

    /// <summary>A product name for a line: the text when it is a valid name, otherwise none (names are informational).</summary>
    public static string? Name(string? text) =>
        text is null || PurchaseRules.CheckProductName(text) is not null ? null : text;

    /// <summary>A stock-keeping unit from a name when the file has none: the name, cut to the longest sku we keep.</summary>
    public static string SkuFromName(string name)
    {
        var sku = name.Trim();
        return sku.Length <= PurchaseRules.MaxTextLength ? sku : sku[..PurchaseRules.MaxTextLength].TrimEnd();
    }

    /// <summary>The first word of a full name, when it is a valid first name.</summary>
    public static string? FirstName(string? fullName)
    {
        var first = fullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || PurchaseRules.CheckFirstName(first) is not null ? null : first;
    }
}
