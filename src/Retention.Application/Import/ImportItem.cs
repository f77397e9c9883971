using System.Collections.Immutable;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>
/// One unit of an import, in file order: an order (its purchase and what happened to it since), rows skipped on purpose,
/// or a bad row. An order that spans several rows (Shopify line items, invoice lines) is one item.
/// </summary>
internal sealed record ImportItem
{
    /// <summary>The 1-based line where the item's first row starts.</summary>
    public required int Line { get; init; }

    /// <summary>How many rows of the file the item stands for.</summary>
    public int Rows { get; init; } = 1;

    public Purchase? Purchase { get; init; }

    /// <summary>Refunds, each against its order: the item's own purchase, or (Online Retail returns) an earlier item's.</summary>
    public ImmutableArray<(OrderId OrderId, RefundRequest Request)> Refunds { get; init; } = [];

    /// <summary>A cancellation of the item's own purchase, applied after its refunds.</summary>
    public CancelRequest? Cancel { get; init; }

    public string? SkipReason { get; init; }

    public ImportProblem? Problem { get; init; }

    /// <summary>Things the reader changed on the way in, e.g. "invoice total rounded to the currency's decimals", counted in the summary.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Refunds of orders recorded by earlier items: those orders must be written before this item runs.</summary>
    public bool ChangesEarlierOrders => Purchase is null && !Refunds.IsEmpty;

    public static ImportItem Skip(int line, string reason, int rows = 1) => new() { Line = line, Rows = rows, SkipReason = reason };

    public static ImportItem Bad(ImportProblem problem, int rows = 1) => new() { Line = problem.Line, Rows = rows, Problem = problem };
}
