using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Import;
using Retention.Application.Ports;
using Retention.DevServers;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// `retention import`'s use case against real Azurite: every format through the ingest use cases, the counts of the
/// 20,000-line Online Retail sample, a second import that changes no row, and a stopped import that continues.
/// </summary>
public sealed class ImportTests
{
    private static readonly string ShopifyFixture =
        Path.Combine(RepoRoot.Find(), "tests", "Retention.Application.Tests", "Import", "Fixtures", "shopify_orders_export.csv");

    [Fact]
    public async Task OnlineRetail20kSample_ImportedTwice_CountsNetRevenueAndNoRowChangesTheSecondTime()
    {
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?> { ["Store:TimeZone"] = "Europe/London", ["Store:Currency"] = "GBP" });
        var file = Datasets.Path("online-retail", "online_retail_lines_sample_20k.csv");

        var first = await ImportAsync(api, file);
        var snapshot = await api.SnapshotAsync();
        var second = await ImportAsync(api, file);

        Assert.Equal("online-retail", first.Format);
        Assert.Equal(20_000, first.Rows);
        Assert.Null(first.StoppedAt);
        Assert.Equal(8_144, first.Recorded);
        Assert.Equal(275, first.RefundsRecorded);
        Assert.Equal(5_078, first.SkippedWithoutCustomer);
        Assert.Equal(75, first.Skipped[SkipReasons.ReturnWithoutInvoice]);
        Assert.Equal(23, first.Notes[ImportNotes.ReturnsCut]);
        Assert.Empty(first.NotApplied);
        Assert.Equal(0, first.Invalid);
        Assert.Equal((0, 0, 0), (first.Replayed, first.Conflicts, first.Unavailable));
        var customers = await ReadCustomersAsync(api);
        Assert.Equal(3_017, customers.Count);
        Assert.Equal(311_359.89m, customers.Sum(c => c.Revenue("GBP")));
        Assert.Equal(8_144 - 73, customers.Sum(c => c.CountedOrderCount));

        Assert.Equal((0, 8_144, 0, 0), (second.Recorded, second.Replayed, second.Conflicts, second.Unavailable));
        Assert.Equal((0, 275), (second.RefundsRecorded, second.RefundsReplayed));
        Assert.Empty(second.NotApplied);
        Assert.Equal(snapshot, await api.SnapshotAsync());
    }

    [Fact]
    public async Task ShopifyExport_Imported_RefundsAndCancellationsAdjustTheOrdersAndASecondImportChangesNothing()
    {
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?> { ["Store:Currency"] = "EUR" });

        var first = await ImportAsync(api, ShopifyFixture);
        var snapshot = await api.SnapshotAsync();
        var second = await ImportAsync(api, ShopifyFixture);

        Assert.Equal("shopify-csv", first.Format);
        Assert.Equal((11, 5, 2, 1), (first.Rows, first.Recorded, first.RefundsRecorded, first.CancellationsRecorded));
        Assert.Equal(3, first.SkippedRows);
        var ledger = api.Services.GetRequiredService<IOrderLedger>();
        var partial = await ledger.FindOrderAsync(OrderId.Parse("7410991464715"), CancellationToken.None);
        Assert.Equal(24.50m, partial!.NetTotal.Amount);
        Assert.True(partial.IsCounted);
        var cancelled = await ledger.FindOrderAsync(OrderId.Parse("7410991464716"), CancellationToken.None);
        Assert.True(cancelled!.IsCancelled);
        Assert.Equal(43.90m, cancelled.Refunded.Amount);
        var sophie = await api.RequireSummaryAsync(GuestCustomer.IdFor("sophie.martin@example.fr").Value);
        Assert.Equal(2, sophie.CountedOrderCount);
        Assert.Equal(104.88m + 72.30m, sophie.Revenue());
        Assert.True(sophie.Contact.MarketingConsent!.Value);

        Assert.Equal((0, 5, 2, 1), (second.Recorded, second.Replayed, second.RefundsReplayed, second.CancellationsReplayed));
        Assert.Empty(second.NotApplied);
        Assert.Equal(snapshot, await api.SnapshotAsync());
    }

    [Fact]
    public async Task WooCommerceOrdersList_Imported_RefundsReduceTheOrderAndASecondImportChangesNothing()
    {
        await using var api = await TestApi.StartAsync();
        var file = Datasets.Path("woocommerce", "orders_list.json");

        var first = await ImportAsync(api, file);
        var snapshot = await api.SnapshotAsync();
        var second = await ImportAsync(api, file);

        Assert.Equal((2, 2, 0), (first.Recorded, first.RefundsRecorded, first.Invalid));
        var order = await api.Services.GetRequiredService<IOrderLedger>().FindOrderAsync(OrderId.Parse("723"), CancellationToken.None);
        Assert.Equal(20.00m, order!.NetTotal.Amount);
        Assert.Equal(29.35m, (await api.RequireSummaryAsync(GuestCustomer.IdFor("john.doe@example.com").Value)).Revenue("USD"));
        Assert.Equal((0, 2, 2), (second.Recorded, second.Replayed, second.RefundsReplayed));
        Assert.Equal(snapshot, await api.SnapshotAsync());
    }

    [Fact]
    public async Task WooCommerceOrdersList_ImportedThenTheSameOrdersByWebhook_WebhooksReplayTheImportedPurchasesAndRefunds()
    {
        const string secret = "import and webhook secret";
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?> { ["WooCommerce:WebhookSecret"] = secret });
        var file = Datasets.Path("woocommerce", "orders_list.json");

        await ImportAsync(api, file);
        var snapshot = await api.SnapshotAsync();
        var answers = new List<JsonElement>();
        foreach (var order in JsonNode.Parse(await File.ReadAllBytesAsync(file))!.AsArray())
        {
            var body = Encoding.UTF8.GetBytes(order!.ToJsonString());
            using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/woocommerce") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-WC-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
            request.Headers.Add("X-WC-Webhook-Topic", "order.updated");
            request.Headers.Add("X-WC-Webhook-Delivery-ID", Guid.NewGuid().ToString());
            using var response = await api.Anonymous.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            answers.Add(JsonDocument.Parse(text).RootElement.Clone());
        }

        Assert.All(answers, a => Assert.Equal("replayed", a.GetProperty("purchase").GetString()));
        Assert.Equal(["replayed", "replayed"], answers[1].GetProperty("refunds").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(snapshot, await api.SnapshotAsync());
    }

    [Fact]
    public async Task BadLine_StopsThereAndTheFixedFileContinuesAfterWhatWasImported()
    {
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?> { ["Store:Currency"] = "EUR" });
        const string header = "orderId,customerId,purchasedAt,total\n";
        const string good = "o1,c1,2025-01-01,10\no2,c2,2025-01-02,20\no3,c1,2025-01-03,30\n";
        const string tail = "o5,c3,2025-01-05,50\no6,c4,2025-01-06,60\n";
        var checkpoint = new MemoryCheckpoint();
        var import = api.Services.GetRequiredService<ImportPurchases>();

        var stopped = await import.ExecuteAsync(new StringReader(header + good + "o4,c2,2025-01-04,forty\n" + tail),
            new ImportOptions { Checkpoint = checkpoint }, CancellationToken.None);
        var continued = await import.ExecuteAsync(new StringReader(header + good + "o4,c2,2025-01-04,40\n" + tail),
            new ImportOptions { Checkpoint = checkpoint }, CancellationToken.None);
        var again = await import.ExecuteAsync(new StringReader(header + good + "o4,c2,2025-01-04,40\n" + tail),
            new ImportOptions { Checkpoint = checkpoint }, CancellationToken.None);

        Assert.Equal("line 5, column \"total\": must be a number such as 12.50 (got 'forty')", stopped.StoppedAt!.ToString());
        Assert.Equal(3, stopped.Recorded);
        Assert.Equal(new ImportCheckpointState(6, 6, Complete: true), checkpoint.State);
        Assert.Equal((3, 3, 0), (continued.ResumedRows, continued.Recorded, continued.Replayed));
        Assert.Equal((6, 0, 0), (again.ResumedRows, again.Recorded, again.Replayed));
        Assert.Equal(210m, (await ReadCustomersAsync(api)).Sum(c => c.Revenue()));
    }

    [Fact]
    public async Task SkipBad_BadLinesSkippedAndListedTheRestImported()
    {
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?> { ["Store:Currency"] = "EUR" });
        const string text = "orderId,customerId,purchasedAt,total\no1,c1,2025-01-01,10\no2,c2,someday,20\no3,c1,2025-01-03,30\n";

        var summary = await api.Services.GetRequiredService<ImportPurchases>().ExecuteAsync(new StringReader(text),
            new ImportOptions { SkipBad = true }, CancellationToken.None);

        Assert.Null(summary.StoppedAt);
        Assert.Equal((2, 1), (summary.Recorded, summary.Invalid));
        Assert.StartsWith("line 3, column \"purchasedAt\": must be a date", Assert.Single(summary.Errors).ToString(), StringComparison.Ordinal);
    }

    private static async Task<ImportSummary> ImportAsync(TestApi api, string file)
    {
        using var reader = new StreamReader(file);
        return await api.Services.GetRequiredService<ImportPurchases>().ExecuteAsync(reader, new ImportOptions(), CancellationToken.None);
    }

    private static async Task<List<CustomerSummary>> ReadCustomersAsync(TestApi api)
    {
        var customers = new List<CustomerSummary>();
        await foreach (var customer in api.Services.GetRequiredService<IOrderLedger>().ReadAllCustomersAsync(CancellationToken.None))
        {
            customers.Add(customer);
        }
        return customers;
    }

    private sealed class MemoryCheckpoint : IImportCheckpoint
    {
        public ImportCheckpointState? State { get; private set; }

        public ImportCheckpointState? Read() => State;

        public void Write(ImportCheckpointState state) => State = state;
    }
}
