namespace Retention.Api.Json;

/// <summary>Invalid fields by JSON path (<c>$.items[2].quantity</c>), each with the reasons it was rejected.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public bool IsEmpty => _byPath.Count == 0;

    /// <summary>How many fields have errors.</summary>
    public int Count => _byPath.Count;

    public void Add(string path, string reason)
    {
        if (!_byPath.TryGetValue(path, out var reasons))
        {
            _byPath[path] = reasons = [];
        }
        reasons.Add(reason);
    }

    public Dictionary<string, string[]> ToDictionary() => _byPath.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
