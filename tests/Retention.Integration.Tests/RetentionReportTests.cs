using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Import;
using Retention.Application.Nightly;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// Real data through the whole path: the import use case writes through ingest into Azurite, the nightly job reads
/// the summaries back, and the report endpoint answers. The expected tables are computed independently from the raw files.
/// </summary>
public sealed class RetentionReportTests
{
    [Fact]
    public async Task OnlineRetail_ImportedThenReported_MonthlyOnCountsEqualTheIndependentTable()
    {
        await using var api = await TestApi.StartAsync();
        var file = Datasets.Path("online-retail", "online_cohorts.csv");

        var summary = await ImportAsync(api, file);
        var csv = await GetCsvAsync(api, "period=month&asOf=2011-12-31&mode=on&values=count");

        Assert.Equal(277, summary.SkippedWithoutCustomer);
        Assert.Equal(19_296, summary.Recorded);
        var expected = IndependentMonthlyTable(File.ReadLines(file).Skip(1)
            .Select(l => l.Split(','))
            .Where(p => p[0] != "NA")
            .Select(p => (p[0], DateOnly.ParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture))), new DateOnly(2011, 12, 1));
        Assert.Equal(13, csv.Count);
        Assert.Equal(expected.Keys.Order(), csv.Keys.Order());
        foreach (var (cohort, cells) in expected)
        {
            Assert.Equal(cells, csv[cohort]);
        }
        Assert.Equal([948, 948, 362, 317, 367, 341, 376, 360, 336, 336, 374, 354, 474, 260], csv["2010-12"]);
    }

    [Fact]
    public async Task CdnowSample_ImportedTwice_ChangesNothingAndMatchesTheFile()
    {
        await using var api = await TestApi.StartAsync();
        var file = Datasets.Path("cdnow", "CDNOW_sample.txt");

        var first = await ImportAsync(api, file);
        var second = await ImportAsync(api, file);
        var csv = await GetCsvAsync(api, "period=month&asOf=1998-06-30&values=count");

        Assert.Equal(6_919, first.Recorded);
        Assert.Equal(0, second.Recorded);
        Assert.Equal(6_919, second.Replayed);
        var rows = File.ReadLines(file).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 5)
            .Select(p => (p[0], DateOnly.ParseExact(p[2], "yyyyMMdd", CultureInfo.InvariantCulture)));
        var expected = IndependentMonthlyTable(rows, new DateOnly(1998, 6, 1));
        Assert.Equal([781, 857, 719], new[] { "1997-01", "1997-02", "1997-03" }.Select(c => csv[c][0]));
        foreach (var (cohort, cells) in expected)
        {
            Assert.Equal(cells, csv[cohort]);
        }
    }

    [Fact]
    public async Task Nightly_RunTwiceForTheSameDay_StoresTheSameSnapshotAndTheReportUsesIt()
    {
        await using var api = await TestApi.StartAsync();
        await ImportAsync(api, Datasets.Path("cdnow", "CDNOW_sample.txt"));
        var nightly = api.Services.GetRequiredService<RunNightly>();

        var first = await nightly.ExecuteAsync(new DateOnly(1997, 12, 31), CancellationToken.None);
        var second = await nightly.ExecuteAsync(new DateOnly(1997, 12, 31), CancellationToken.None);
        using var response = await api.Client.GetAsync("reports/retention?asOf=1997-12-31&format=json&values=count");

        Assert.Equal(2_357, first.Customers);
        Assert.Equal(JsonSerializer.Serialize(first.Snapshot.Monthly.Rows.Select(r => r.On.ToArray())), JsonSerializer.Serialize(second.Snapshot.Monthly.Rows.Select(r => r.On.ToArray())));
        Assert.Equal(first.Snapshot.Metrics, second.Snapshot.Metrics with { Windows = first.Snapshot.Metrics.Windows });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(781, json.RootElement.GetProperty("cohorts")[0].GetProperty("size").GetInt32());
        Assert.Equal(2_357, json.RootElement.GetProperty("metrics").GetProperty("customers").GetInt32());
    }

    [Fact]
    public async Task Report_RefundInALaterMonthAndCancelledOnlyOrder_AdjustTheirPurchaseMonthAndCohorts()
    {
        await using var api = await TestApi.StartAsync();
        async Task PostAsync(string order, string customer, string at, decimal total)
        {
            using var response = await api.Client.PostAsJsonAsync("purchases", new { orderId = order, customerId = customer, purchasedAt = at, currency = "USD", total });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await PostAsync("e-1", "kept", "2026-01-10T10:00:00Z", 100m);
        await PostAsync("e-2", "kept", "2026-02-10T10:00:00Z", 40m);
        await PostAsync("e-3", "cancelled-only", "2026-01-12T10:00:00Z", 70m);
        await PostAsync("e-4", "refunded-only", "2026-01-13T10:00:00Z", 30m);
        (await api.Client.PostAsJsonAsync("orders/e-1/refunds", new { refundId = "r-1", amount = 25m, refundedAt = "2026-03-02T09:00:00Z" })).EnsureSuccessStatusCode();
        (await api.Client.PostAsync("orders/e-3/cancel", null)).EnsureSuccessStatusCode();
        (await api.Client.PostAsJsonAsync("orders/e-4/refunds", new { refundId = "r-4", amount = 30m, refundedAt = "2026-02-20T09:00:00Z" })).EnsureSuccessStatusCode();

        using var response = await api.Client.GetAsync("reports/retention?asOf=2026-03-31&values=count");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var january = json.RootElement.GetProperty("cohorts")[0];
        Assert.Equal("2026-01", january.GetProperty("cohort").GetString());
        Assert.Equal(1, january.GetProperty("size").GetInt32());
        Assert.Equal([1, 1, 0], january.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal([75m, 40m, 0m], january.GetProperty("revenue").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal(1, json.RootElement.GetProperty("metrics").GetProperty("customers").GetInt32());
    }

    [Theory]
    [InlineData("period=year", "period")]
    [InlineData("mode=sometimes", "mode")]
    [InlineData("values=ratio", "values")]
    [InlineData("format=xml", "format")]
    [InlineData("asOf=2011-13-01", "asOf")]
    [InlineData("asOf=2999-01-01", "asOf")]
    public async Task Report_BadQuery_Is400NamingTheParameter(string query, string parameter)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.GetAsync("reports/retention?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Report_WithoutKey_Is401()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.GetAsync("reports/retention");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Report_Html_IsAStandalonePageWithTheHeatmap()
    {
        await using var api = await TestApi.StartAsync();
        await ImportAsync(api, Datasets.Path("cdnow", "CDNOW_sample.txt"));

        using var response = await api.Client.GetAsync("reports/retention?asOf=1998-06-30&format=html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("1997-01", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<ImportSummary> ImportAsync(TestApi api, string file)
    {
        using var reader = new StreamReader(file);
        return await api.Services.GetRequiredService<ImportPurchases>().ExecuteAsync(reader, null, null, CancellationToken.None);
    }

    /// <summary>The report's CSV as cohort label → [size, k0, k1, ...].</summary>
    private static async Task<Dictionary<string, int[]>> GetCsvAsync(TestApi api, string query)
    {
        using var response = await api.Client.GetAsync("reports/retention?format=csv&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("cohort,size,0,1,2", lines[0], StringComparison.Ordinal);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            p => p[0],
            p => p.Skip(1).Where(v => v.Length > 0).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Textbook cohort table from raw rows: [size, count at offset 0, 1, ...] per first-purchase month.</summary>
    private static Dictionary<string, int[]> IndependentMonthlyTable(IEnumerable<(string Customer, DateOnly Day)> rows, DateOnly lastMonth)
    {
        static int Month(DateOnly d) => (d.Year * 12) + d.Month - 1;
        var customers = rows.GroupBy(r => r.Customer).Select(g => (First: Month(g.Min(r => r.Day)), Months: g.Select(r => Month(r.Day)).ToHashSet())).ToList();
        return customers.GroupBy(c => c.First).ToDictionary(
            g => new DateOnly(g.Key / 12, (g.Key % 12) + 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            g => new[] { g.Count() }.Concat(Enumerable.Range(0, Month(lastMonth) - g.Key + 1).Select(k => g.Count(c => c.Months.Contains(g.Key + k)))).ToArray());
    }
}
