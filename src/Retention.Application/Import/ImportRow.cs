using Retention.Domain.Purchases;

namespace Retention.Application.Import;

/// <summary>One data line of an import file: a purchase, or why it was skipped or rejected.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Skipped">True for rows without a customer id (empty or NA), which are counted, not errors.</param>
/// <param name="Error">What is wrong with the row, naming the column; null when it is fine.</param>
public sealed record ImportRow(int Line, Purchase? Purchase, bool Skipped, string? Error);
