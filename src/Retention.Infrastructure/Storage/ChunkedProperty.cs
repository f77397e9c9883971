using System.Globalization;
using Azure.Data.Tables;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Stores a value larger than one table property allows (64 KiB) across numbered properties
/// <c>Name</c>, <c>Name_1</c>, ... with <c>NameParts</c> giving the count. Small values stay one property.
/// </summary>
internal static class ChunkedProperty
{
    private const int MaxChars = 32_000;
    private const int MaxBytes = 64_000;

    public static void WriteString(TableEntity entity, string name, string value) =>
        Write(entity, name, value.Length, MaxChars, (start, length) => value.Substring(start, length));

    public static void WriteBinary(TableEntity entity, string name, byte[] value) =>
        Write(entity, name, value.Length, MaxBytes, (start, length) => value.AsSpan(start, length).ToArray());

    public static string? ReadString(TableEntity entity, string name) =>
        ReadParts<string>(entity, name, e => e.GetString) is { } parts ? string.Concat(parts) : null;

    public static byte[]? ReadBinary(TableEntity entity, string name) =>
        ReadParts<byte[]>(entity, name, e => e.GetBinary) is { } parts ? parts.SelectMany(p => p).ToArray() : null;

    private static void Write(TableEntity entity, string name, int length, int max, Func<int, int, object> slice)
    {
        var parts = Math.Max(1, (length + max - 1) / max);
        for (var i = 0; i < parts; i++)
        {
            var start = i * max;
            entity[PartName(name, i)] = slice(start, Math.Min(max, length - start));
        }
        if (parts > 1)
        {
            entity[name + "Parts"] = parts;
        }
    }

    private static IEnumerable<T>? ReadParts<T>(TableEntity entity, string name, Func<TableEntity, Func<string, T?>> getter)
        where T : class
    {
        var get = getter(entity);
        if (get(name) is not { } first)
        {
            return null;
        }
        var parts = entity.GetInt32(name + "Parts") ?? 1;
        return Enumerable.Range(0, parts).Select(i => i == 0 ? first : get(PartName(name, i))
            ?? throw new InvalidDataException($"Property {PartName(name, i)} is missing."));
    }

    private static string PartName(string name, int index) =>
        index == 0 ? name : name + "_" + index.ToString(CultureInfo.InvariantCulture);
}
