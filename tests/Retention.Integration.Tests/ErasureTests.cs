using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Reports;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>A customer's data rights on real parts: export everything, erase personal data everywhere, numbers unchanged.</summary>
public sealed class ErasureTests
{
    private static readonly Dictionary<string, string?> Programmes = new()
    {
        ["Store:Currency"] = "EUR",
        ["Rewards:HoldoutPercent"] = "0",
        ["Rewards:ThankYou:Enabled"] = "true",
        ["Rewards:Referral:Enabled"] = "true",
    };

    private static async Task BuyAsync(TestApi api, string orderId, string customerId, string email, string firstName, int daysAgo)
    {
        using var response = await api.Client.PostAsJsonAsync("purchases", new
        {
            orderId, customerId, purchasedAt = DateTimeOffset.UtcNow.Date.AddDays(-daysAgo).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            currency = "EUR", total = 40, email, firstName, locale = "fa-IR", marketingConsent = true,
            items = new[] { new { sku = "TEA-1", quantity = 1, name = "Green tea" } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Erase_Customer_NoTableHoldsTheirEmailOrNameAndCohortsAreUnchanged()
    {
        await using var rig = await MessagingRig.StartAsync(settings: Programmes);
        await BuyAsync(rig.Api, "E-1", "c-erase", "Zahra.Karimi@example.com", "Zahra", 40);
        await BuyAsync(rig.Api, "E-2", "c-erase", "Zahra.Karimi@example.com", "Zahra", 0);
        await BuyAsync(rig.Api, "K-1", "c-keep", "kept@example.com", "Keep", 40);
        await rig.EnqueueAsync(new RetentionMessage("win-back:c-erase:later", MessageType.WinBack, CustomerId.Parse("c-erase"), null, DateTimeOffset.UtcNow,
            new MessageData { LastPurchaseAt = DateTimeOffset.UtcNow.AddDays(-40), OrderId = OrderId.Parse("E-1") }));
        var before = await rig.Api.Client.GetStringAsync("reports/retention?format=csv&values=count");

        using (var export = await rig.Api.Client.GetAsync("customers/c-erase/export"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var json = await export.Content.ReadAsStringAsync();
            Assert.Contains("Zahra.Karimi@example.com", json, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(2, document.RootElement.GetProperty("orders").GetArrayLength());
            Assert.Equal("Zahra", document.RootElement.GetProperty("contact").GetProperty("firstName").GetString());
            Assert.NotEqual(JsonValueKind.Null, document.RootElement.GetProperty("loyalty").GetProperty("referralCode").ValueKind);
        }

        using (var erase = await rig.Api.Client.PostAsync("customers/c-erase/erase", null))
        {
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        }
        using (var again = await rig.Api.Client.PostAsync("customers/c-erase/erase", null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var leaks = new List<string>();
        var scanned = new List<string>();
        await foreach (var table in new TableServiceClient(rig.Api.ConnectionString).QueryAsync(t => t.Name.CompareTo(rig.Api.TablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(rig.Api.TablePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            scanned.Add(table.Name[rig.Api.TablePrefix.Length..]);
            await foreach (var row in new TableServiceClient(rig.Api.ConnectionString).GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (name, value) in row)
                {
                    var text = value?.ToString() ?? "";
                    if (text.Contains("karimi", StringComparison.OrdinalIgnoreCase) || text.Contains("Zahra", StringComparison.Ordinal))
                    {
                        leaks.Add($"{table.Name}/{row.RowKey}/{name}");
                    }
                }
            }
        }
        Assert.Subset(scanned.ToHashSet(), new HashSet<string> { "customers", "orderclaims", "messages", "consent", "loyalty", "decisions" });
        Assert.Empty(leaks);
        Assert.Equal(before, await rig.Api.Client.GetStringAsync("reports/retention?format=csv&values=count"));
        var kept = await rig.Api.Client.GetStringAsync("customers/c-keep/export");
        Assert.Contains("kept@example.com", kept, StringComparison.Ordinal);

        var run = await rig.DispatchAsync();
        Assert.Equal(0, run.Sent);
        Assert.Equal(1, run.Skipped[SkipReason.NoAddress]);
        Assert.DoesNotContain(await rig.EmailsAsync(), e => e.To.Mailboxes.Any(m => m.Address.Contains("karimi", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task ExportAndErase_UnknownCustomer_Are404Problems()
    {
        await using var api = await TestApi.StartAsync();

        using var export = await api.Client.GetAsync("customers/nobody/export");
        using var erase = await api.Client.PostAsync("customers/nobody/erase", null);

        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, erase.StatusCode);
        Assert.Equal("application/problem+json", erase.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EraseStore_DeletesEveryRowAndTheAppKeepsWorking()
    {
        await using var api = await TestApi.StartAsync();
        await BuyAsync(api, "S-1", "c-s", "s@example.com", "Sam", 3);

        var rows = await api.Services.GetRequiredService<Retention.Application.Customers.EraseStore>().ExecuteAsync(CancellationToken.None);

        Assert.True(rows >= 3);
        using var gone = await api.Client.GetAsync("customers/c-s/export");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await BuyAsync(api, "S-2", "c-s", "s@example.com", "Sam", 1);
        Assert.Equal(1, (await api.Services.GetRequiredService<RetentionCalculator>().ComputeAsync(DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None)).Customers);
    }
}
