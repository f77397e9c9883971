using System.Globalization;
using Retention.Domain.Cohorts;

namespace Retention.Domain.Tests.Cohorts;

/// <summary>Reads the public data sets in ../shared/datasets (beside the repository) into per-customer purchases.</summary>
internal static class Datasets
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }
        throw new DirectoryNotFoundException("shared/datasets was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>online_cohorts.csv: (CustomerID, InvoiceDate) rows; "NA" rows have no customer and are left out.</summary>
    public static Dictionary<string, List<DateOnly>> OnlineRetail()
    {
        var byCustomer = new Dictionary<string, List<DateOnly>>();
        foreach (var line in File.ReadLines(Path("online-retail", "online_cohorts.csv")).Skip(1))
        {
            var parts = line.Split(',');
            if (parts[0] is "NA" or "")
            {
                continue;
            }
            Add(byCustomer, parts[0], DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return byCustomer;
    }

    /// <summary>CDNOW_sample.txt: master id, sample id, yyyymmdd, cds, dollars.</summary>
    public static Dictionary<string, List<(DateOnly Day, decimal Dollars)>> CdnowSample()
    {
        var byCustomer = new Dictionary<string, List<(DateOnly, decimal)>>();
        foreach (var line in File.ReadLines(Path("cdnow", "CDNOW_sample.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 5)
            {
                continue;
            }
            if (!byCustomer.TryGetValue(parts[0], out var list))
            {
                byCustomer[parts[0]] = list = [];
            }
            list.Add((DateOnly.ParseExact(parts[2], "yyyyMMdd", CultureInfo.InvariantCulture), decimal.Parse(parts[4], CultureInfo.InvariantCulture)));
        }
        return byCustomer;
    }

    public static CountedPurchase At(DateOnly day, decimal amount = 0m) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), amount);

    private static void Add(Dictionary<string, List<DateOnly>> map, string key, DateOnly day)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(day);
    }
}
