using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>One data line of a purchases CSV or CDNOW file: a purchase, or why it was skipped or rejected.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Skipped">True for rows without a customer id (empty or NA), which are counted, not errors.</param>
/// <param name="Error">What is wrong with the row, naming the column (<c>column "total": must be a number …</c>); null when it is fine.</param>
public sealed record ImportRow(int Line, Purchase? Purchase, bool Skipped, string? Error)
{
    /// <summary>The column at fault as the file's header names it; null when the row is fine.</summary>
    public string? Column { get; init; }

    /// <summary>What is wrong, without the column; null when the row is fine.</summary>
    public string? Reason { get; init; }
}
