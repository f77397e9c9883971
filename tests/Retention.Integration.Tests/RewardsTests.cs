using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Nightly;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// The reward programmes end to end on real parts: purchases through the API, decisions in Azurite, messages through
/// the AMQP broker, emails at the SMTP server, and the storefront's checkout calls.
/// </summary>
public sealed class RewardsTests
{
    private static readonly Dictionary<string, string?> AllOn = new()
    {
        ["Store:Currency"] = "INR",
        ["Rewards:HoldoutPercent"] = "0",
        ["Rewards:ThankYou:Enabled"] = "true",
        ["Rewards:Milestone:Enabled"] = "true",
        ["Rewards:Milestone:OrderCount"] = "3",
        ["Rewards:Milestone:MinimumSpend"] = "0",
        ["Rewards:Points:Enabled"] = "true",
        ["Rewards:Points:NotifyEarned"] = "false",
        ["Rewards:Tiers:Enabled"] = "true",
        ["Rewards:Referral:Enabled"] = "true",
        ["Rewards:WinBack:Enabled"] = "true",
        ["Rewards:Feedback:Enabled"] = "true",
    };

    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    /// <summary>A time fixed for the test run, so that a retried request carries the very same body.</summary>
    private static string Now(int minutesAgo = 0) => Start.AddMinutes(-minutesAgo).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> BuyAsync(TestApi api, string orderId, string customerId, decimal total, string[]? codes = null, string? referralCode = null,
        string email = "asha@example.com", int minutesAgo = 1)
    {
        var response = await api.Client.PostAsJsonAsync("purchases", new
        {
            orderId, customerId, purchasedAt = Now(minutesAgo), currency = "INR", total, email, firstName = "Asha", locale = "en-IN", marketingConsent = true,
            items = new[] { new { sku = "TEA-1", quantity = 2, unitPrice = total / 2, category = "tea", name = "Masala chai 250 g" } },
            discountCodes = codes, referralCode,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    [Fact]
    public async Task Purchase_ThankYouEmailWithCoupon_ThenSecondPurchaseWithTheCodeRedeemsIt()
    {
        await using var rig = await MessagingRig.StartAsync(settings: AllOn);

        await BuyAsync(rig.Api, "A-1", "c-1", 500m);
        await BuyAsync(rig.Api, "A-1", "c-1", 500m);  // a retry: replayed, decides nothing new
        var run = await rig.DispatchAsync();

        Assert.Equal(2, await CountAsync(rig.Api, "decisions")); // thank-you and tier-upgrade to Gold (500 reaches it), once each
        Assert.Equal(2, run.Sent);
        var benefits = await BenefitsAsync(rig.Api, "c-1");
        var code = benefits.GetProperty("coupons")[0].GetProperty("code").GetString()!;
        var email = (await rig.EmailsAsync()).Single(e => e.HtmlBody?.Contains(code, StringComparison.Ordinal) == true);
        Assert.Matches("^THX-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", code);
        Assert.Contains(code, email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(code, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Masala chai 250 g", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(500, benefits.GetProperty("points").GetProperty("balance").GetInt64());
        Assert.Equal("Gold", benefits.GetProperty("tier").GetString());

        var valid = await ValidateAsync(rig.Api, code, "c-1", 400m);
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal("60.00", valid.GetProperty("discount").GetString());
        Assert.Equal("unknown-code", (await ValidateAsync(rig.Api, code, "c-2", 400m)).GetProperty("reason").GetString());

        await BuyAsync(rig.Api, "A-2", "c-1", 340m, codes: [code.ToLowerInvariant()]);

        Assert.Equal("already-used", (await ValidateAsync(rig.Api, code, "c-1", 400m)).GetProperty("reason").GetString());
        Assert.Empty((await BenefitsAsync(rig.Api, "c-1")).GetProperty("coupons").EnumerateArray());

        using (var cancel = await rig.Api.Client.PostAsync("orders/A-2/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }
        Assert.True((await ValidateAsync(rig.Api, code, "c-1", 400m)).GetProperty("valid").GetBoolean());
        Assert.Equal(2, await CountAsync(rig.Api, "decisions")); // the second purchase keeps the tier: nothing new
    }

    [Fact]
    public async Task Purchase_QueueDown_503ThenTheRetrySendsTheThankYouOnceWithTheSameCode()
    {
        var rig = await MessagingRig.StartAsync(settings: AllOn);
        Retention.Broker.TestBroker? broker = null;
        try
        {
            var port = rig.Broker.Port;
            await rig.Broker.DisposeAsync();
            var body = new
            {
                orderId = "Q-1", customerId = "c-q", purchasedAt = Now(1), currency = "INR", total = 100m, email = "q@example.com", marketingConsent = true,
            };

            using (var down = await rig.Api.Client.PostAsJsonAsync("purchases", body))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            }
            broker = await Retention.Broker.TestBroker.StartAsync(new Retention.Broker.TestBrokerOptions
            {
                Port = port, Queues = [MessagingRig.Queue], DuplicateDetectionWindow = TimeSpan.FromMinutes(10),
            });
            using (var retry = await rig.Api.Client.PostAsJsonAsync("purchases", body))
            {
                Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            }
            using (var again = await rig.Api.Client.PostAsJsonAsync("purchases", body))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }
            var run = await rig.DispatchAsync();

            var code = (await BenefitsAsync(rig.Api, "c-q")).GetProperty("coupons")[0].GetProperty("code").GetString()!;
            var email = Assert.Single(await rig.EmailsAsync());
            Assert.Contains(code, email.TextBody, StringComparison.Ordinal);
            Assert.Equal(1, run.Sent);
            Assert.Equal(1, broker.GetQueue(MessagingRig.Queue).CompletedCount);
        }
        finally
        {
            // The app first (its receiver says goodbye to the broker), then the broker that replaced the first one.
            await rig.DisposeAsync();
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Milestone_ThirdOrderGetsACoupon_RefundTakesItBack()
    {
        await using var rig = await MessagingRig.StartAsync(settings: AllOn);
        await BuyAsync(rig.Api, "M-1", "c-m", 100m, minutesAgo: 30);
        await BuyAsync(rig.Api, "M-2", "c-m", 100m, minutesAgo: 20);
        await BuyAsync(rig.Api, "M-3", "c-m", 100m, minutesAgo: 10);

        var coupons = (await BenefitsAsync(rig.Api, "c-m")).GetProperty("coupons").EnumerateArray().ToList();
        Assert.Equal(2, coupons.Count);
        Assert.Contains(coupons, c => c.GetProperty("amountOff").GetString() == "100.00");

        using (var refund = await rig.Api.Client.PostAsJsonAsync("orders/M-3/refunds", new { refundId = "R-1", amount = 100 }))
        {
            Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        }

        var after = (await BenefitsAsync(rig.Api, "c-m")).GetProperty("coupons").EnumerateArray().ToList();
        Assert.DoesNotContain(after, c => c.GetProperty("amountOff").ValueKind == JsonValueKind.String);
        var points = (await BenefitsAsync(rig.Api, "c-m")).GetProperty("points");
        Assert.Equal(200, points.GetProperty("balance").GetInt64());
        Assert.Equal([100L, 100L], points.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("points").GetInt64()));
    }

    [Fact]
    public async Task Referral_NewCustomersFirstPurchase_CreditsTheReferrerOnceAndNeverASelfReferral()
    {
        await using var rig = await MessagingRig.StartAsync(settings: AllOn);
        await BuyAsync(rig.Api, "R-1", "referrer", 100m, email: "ref@example.com");
        var code = (await BenefitsAsync(rig.Api, "referrer")).GetProperty("referralCode").GetString()!;
        Assert.StartsWith("REF-", code, StringComparison.Ordinal);

        await BuyAsync(rig.Api, "R-2", "friend", 100m, referralCode: code, email: "friend@example.com");
        await BuyAsync(rig.Api, "R-3", "friend", 100m, referralCode: code, email: "friend@example.com");
        await BuyAsync(rig.Api, "R-4", "alias", 100m, referralCode: code, email: "REF@example.com");

        var coupons = (await BenefitsAsync(rig.Api, "referrer")).GetProperty("coupons").EnumerateArray().ToList();
        Assert.Equal(2, coupons.Count); // the thank-you coupon and one referral reward
        Assert.Single(coupons, c => c.GetProperty("amountOff").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Nightly_WinBackForLapsedCustomers_DecidedOnceAcrossRunsAndHeldOutRecorded()
    {
        var settings = new Dictionary<string, string?>(AllOn) { ["Rewards:HoldoutPercent"] = "50" };
        await using var rig = await MessagingRig.StartAsync(settings: settings);
        var lapsed = Enumerable.Range(0, 40).Select(i => $"lapsed-{i}").ToList();
        var old = DateTimeOffset.UtcNow.AddDays(-200).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var batch = lapsed.Select(c => JsonSerializer.Serialize(new
        {
            orderId = "W-" + c, customerId = c, purchasedAt = old, currency = "INR", total = 100, email = c + "@example.com", marketingConsent = true,
        }));
        using (var response = await rig.Api.Client.PostAsync("purchases/batch", Bodies.Json(Bodies.Batch(batch))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var nightly = rig.Api.Services.GetRequiredService<RunNightly>();

        var first = await nightly.ExecuteAsync(null, CancellationToken.None);
        var second = await nightly.ExecuteAsync(null, CancellationToken.None);

        var heldOut = lapsed.Count(c => Holdout.IsHeldOut(CustomerId.Parse(c), 50m));
        Assert.InRange(heldOut, 5, 35);
        var winBack = first.Snapshot.Programmes.Single(p => p.Programme == "win-back");
        Assert.Equal(40, winBack.Decided);
        Assert.Equal(heldOut, winBack.HeldOut);
        Assert.Equal(40, second.Snapshot.Programmes.Single(p => p.Programme == "win-back").Decided);
        Assert.Equal(40, await CountAsync(rig.Api, "decisions"));
        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(40 - heldOut, queue.ActiveCount);
    }

    [Theory]
    [InlineData("Rewards:HoldoutPercent", "120", "Rewards:HoldoutPercent must be from 0 to 50")]
    [InlineData("Rewards:Points:PerCurrencyUnit", "-1", "Rewards:Points:PerCurrencyUnit must be more than 0")]
    [InlineData("Rewards:Tiers:Thresholds:1", "100", "Rewards:Tiers:Thresholds must increase")]
    public async Task Start_ImpossibleRewardSetting_FailsNamingTheSetting(string name, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rewards:Tiers:Names:0"] = "Silver",
            ["Rewards:Tiers:Names:1"] = "Gold",
            ["Rewards:Tiers:Thresholds:0"] = "200",
            ["Rewards:Tiers:Thresholds:1"] = "500",
            [name] = value,
        };

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApi.StartAsync(settings: settings));

        Assert.Contains(message, string.Join(" ", failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benefits_UnknownCustomer_Is404Problem()
    {
        await using var api = await TestApi.StartAsync(settings: AllOn);

        using var response = await api.Client.GetAsync("customers/nobody/benefits");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"total":10,"currency":"INR"}""", "$.customerId")]
    [InlineData("""{"customerId":"c-1","total":-1,"currency":"INR"}""", "$.total")]
    [InlineData("""{"customerId":"c-1","total":10,"currency":"rupees"}""", "$.currency")]
    public async Task Validate_BadBasket_ProblemNamesTheField(string body, string field)
    {
        await using var api = await TestApi.StartAsync(settings: AllOn);

        using var response = await api.Client.PostAsync("coupons/GIFT-22222-22222/validate", Bodies.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> BenefitsAsync(TestApi api, string customerId)
    {
        using var response = await api.Client.GetAsync($"customers/{customerId}/benefits");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static async Task<JsonElement> ValidateAsync(TestApi api, string code, string customerId, decimal total)
    {
        using var response = await api.Client.PostAsJsonAsync($"coupons/{Uri.EscapeDataString(code)}/validate", new { customerId, total, currency = "INR" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static async Task<int> CountAsync(TestApi api, string table)
    {
        var count = 0;
        await foreach (var _ in new TableServiceClient(api.ConnectionString).GetTableClient(api.TablePrefix + table).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }
}
