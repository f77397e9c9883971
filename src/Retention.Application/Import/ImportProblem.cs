namespace Retention.Application.Import;

/// <summary>Why a line of an import file cannot be imported, and where: <c>line 17, column "Total": must be a number</c>.</summary>
/// <param name="Line">1-based line of the file where the row (or the JSON order) starts.</param>
/// <param name="Where">The column or field, already phrased (<c>column "Total"</c>, <c>order 727, field "total"</c>); null for the whole row.</param>
/// <param name="Reason">A sentence fragment that says what is wrong.</param>
public sealed record ImportProblem(int Line, string? Where, string Reason)
{
    public static ImportProblem InColumn(int line, string column, string reason) => new(line, $"column \"{column}\"", reason);

    public override string ToString() => Where is null ? $"line {Line}: {Reason}" : $"line {Line}, {Where}: {Reason}";
}
