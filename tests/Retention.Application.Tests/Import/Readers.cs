using Retention.Application.Import;
using Retention.Domain.Amounts;
using Retention.Domain.Calendar;

namespace Retention.Application.Tests.Import;

/// <summary>Runs a reader over text the way the import use case does (first non-empty line, then the rest).</summary>
internal static class Readers
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static ImportContext Context(string zone = "UTC", string? currency = null) =>
        new(new StoreCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone)), CurrencyCode.Parse("EUR"), currency is null ? null : CurrencyCode.Parse(currency), Now);

    public static List<ImportItem> Read(ImportFormat format, string text, ImportContext? context = null) =>
        [.. ImportPurchases.Open(new StringReader(text), format, context ?? Context()).Items];

    public static List<ImportItem> ReadFile(ImportFormat format, string path, ImportContext? context = null) =>
        Read(format, File.ReadAllText(path), context);
}
