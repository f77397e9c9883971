namespace Retention.Application.Import;

/// <summary>The columns of a CSV header, found by name case-insensitively; values come back trimmed, empty as null.</summary>
internal sealed class CsvColumns(IReadOnlyList<string> header)
{
    private readonly List<string> _normalised = [.. header.Select(Normalise)];

    /// <summary>The header names as the file spells them (for error messages).</summary>
    public IReadOnlyList<string> Names { get; } = [.. header.Select(h => h.Trim().Trim('\uFEFF').Trim())];

    /// <summary>Lower case, BOM and surrounding white space removed, runs of white space as one space.</summary>
    public static string Normalise(string name) =>
        string.Join(' ', name.Trim().Trim('\uFEFF').Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The index of the first column with one of the names, or -1.</summary>
    public int Find(params string[] names)
    {
        foreach (var name in names)
        {
            var index = _normalised.IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    public string NameOf(int index) => index >= 0 && index < Names.Count ? Names[index] : "?";

    public static string? Value(List<string> fields, int index)
    {
        if (index < 0 || index >= fields.Count)
        {
            return null;
        }
        var value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }
}
