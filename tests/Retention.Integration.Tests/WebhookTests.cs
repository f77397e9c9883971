using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Retention.Integration.Tests.Support;

using Retention.Domain.Customers;

namespace Retention.Integration.Tests;

/// <summary>
/// Shopify and WooCommerce webhooks on the real local host over real Azurite, signed the way the platforms sign:
/// base64(HMAC-SHA256(raw body, secret)), computed here independently of the code under test.
/// </summary>
public sealed class WebhookTests
{
    /// <summary>Special characters end to end: the secret is UTF-8 bytes, never escaped or trimmed.</summary>
    private const string ShopifySecret = "s3cr€t/+=&\"";
    private const string WooSecret = "woo webhook secret";

    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Shopify:WebhookSecret"] = ShopifySecret,
        ["WooCommerce:WebhookSecret"] = WooSecret,
    };

    private static readonly byte[] ShopifyOrder = File.ReadAllBytes(Datasets.Path("shopify", "order_450789469.json"));
    private static readonly byte[] ShopifyRefund = File.ReadAllBytes(Datasets.Path("shopify", "python_api_refund.json"));
    private static readonly byte[] WooOrder = File.ReadAllBytes(Datasets.Path("woocommerce", "order_727.json"));

    private static Task<TestApi> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => TestApi.StartAsync(settings: settings ?? Secrets);

    private static string Sign(byte[] body, string secret) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static byte[] Edit(byte[] json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>The example order as a plain paid order without its refund, so that refunds can be sent on their own.</summary>
    private static byte[] PaidShopifyOrder(Action<JsonObject>? change = null) => Edit(ShopifyOrder, o =>
    {
        o["financial_status"] = "paid";
        o.Remove("refunds");
        change?.Invoke(o);
    });

    private static async Task<HttpResponseMessage> ShopifyAsync(
        TestApi api, string topic, byte[] body, string? deliveryId = null, string? signature = null, string signatureHeader = "X-Shopify-Hmac-Sha256")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/shopify") { Content = Bodies.Raw(body, "application/json") };
        request.Headers.Add(signatureHeader, signature ?? Sign(body, ShopifySecret));
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Shop-Domain", "example.myshopify.com");
        request.Headers.Add("X-Shopify-Webhook-Id", deliveryId ?? Guid.NewGuid().ToString());
        return await api.Anonymous.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> WooAsync(TestApi api, string topic, byte[] body, string? deliveryId = null, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/woocommerce") { Content = Bodies.Raw(body, "application/json") };
        request.Headers.Add("X-WC-Webhook-Signature", signature ?? Sign(body, WooSecret));
        request.Headers.Add("X-WC-Webhook-Topic", topic);
        request.Headers.Add("X-WC-Webhook-Source", "https://example.com/");
        if (deliveryId is not null)
        {
            request.Headers.Add("X-WC-Webhook-Delivery-ID", deliveryId);
        }
        return await api.Anonymous.SendAsync(request);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ExportAsync(TestApi api, string customerId)
    {
        using var response = await api.Client.GetAsync("customers/" + Uri.EscapeDataString(customerId) + "/export");
        return await OkAsync(response);
    }

    private static JsonElement OnlyOrder(JsonElement export) => Assert.Single(export.GetProperty("orders").EnumerateArray());

    /// <summary>Every row of every table of this API's prefix, as "table|PartitionKey|RowKey".</summary>
    private static async Task<List<string>> AllRowsAsync(TestApi api)
    {
        var service = new TableServiceClient(api.ConnectionString);
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(api.TablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(api.TablePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add($"{table.Name[api.TablePrefix.Length..]}|{row.PartitionKey}|{row.RowKey}");
            }
        }
        return rows;
    }

    private static async Task<int> OrderRowsAsync(TestApi api) =>
        (await Storage.ReadAllAsync(api.CustomersTable)).Count(e => e.RowKey.StartsWith("o|", StringComparison.Ordinal));

    [Fact]
    public async Task Shopify_OrdersPaidOfficialExample_RecordsThePurchaseWithItsRefund()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder));

        Assert.Equal("applied", body.GetProperty("outcome").GetString());
        Assert.Equal("recorded", body.GetProperty("purchase").GetString());
        var refund = Assert.Single(body.GetProperty("refunds").EnumerateArray());
        Assert.Equal("shopify-509562969", refund.GetProperty("refundId").GetString());
        Assert.Equal("recorded", refund.GetProperty("outcome").GetString());

        var export = await ExportAsync(api, "207119551");
        Assert.Equal("bob.norman@mail.example.com", export.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Bob", export.GetProperty("contact").GetProperty("firstName").GetString());
        var order = OnlyOrder(export);
        Assert.Equal("450789469", order.GetProperty("orderId").GetString());
        Assert.Equal(DateTimeOffset.Parse("2008-01-10T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), order.GetProperty("purchasedAt").GetDateTimeOffset());
        Assert.Equal("USD", order.GetProperty("currency").GetString());
        Assert.Equal("598.94", order.GetProperty("total").GetString());
        Assert.Equal("389.94", order.GetProperty("netTotal").GetString());
        Assert.False(order.GetProperty("marketingConsent").GetBoolean());
        Assert.Equal(["TENOFF"], order.GetProperty("discountCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK"], order.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.All(order.GetProperty("items").EnumerateArray(), i => Assert.Equal(199.00m, i.GetProperty("unitPrice").GetDecimal()));
        var stored = Assert.Single(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal("209.00", stored.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Shopify_SameDeliveryThreeTimes_OnePurchase()
    {
        await using var api = await StartAsync();
        var deliveryId = Guid.NewGuid().ToString();

        var first = await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder, deliveryId));
        var second = await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder, deliveryId));
        var third = await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder, deliveryId));
        var otherDelivery = await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder, Guid.NewGuid().ToString()));

        Assert.Equal("applied", first.GetProperty("outcome").GetString());
        Assert.Equal("duplicate", second.GetProperty("outcome").GetString());
        Assert.Equal("duplicate", third.GetProperty("outcome").GetString());
        Assert.Equal("replayed", otherDelivery.GetProperty("purchase").GetString());
        Assert.Equal("replayed", otherDelivery.GetProperty("refunds")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, await OrderRowsAsync(api));
        var order = OnlyOrder(await ExportAsync(api, "207119551"));
        Assert.Single(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal(2, (await AllRowsAsync(api)).Count(r => r.StartsWith("webhooks|shopify|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Shopify_OrdersCreateThenOrdersPaid_OnePurchase()
    {
        await using var api = await StartAsync();

        var created = await OkAsync(await ShopifyAsync(api, "orders/create", PaidShopifyOrder()));
        var paid = await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder()));

        Assert.Equal("recorded", created.GetProperty("purchase").GetString());
        Assert.Equal("replayed", paid.GetProperty("purchase").GetString());
        Assert.Equal(1, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_OrdersCreateNotPaid_IgnoredAndNothingStored()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/create", PaidShopifyOrder(o => o["financial_status"] = "pending")));

        Assert.Equal("ignored", body.GetProperty("outcome").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_TestOrder_IgnoredAndNothingStored()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder(o => o["test"] = true)));

        Assert.Equal("ignored", body.GetProperty("outcome").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_RefundsCreate_AdjustsTheOrderOnce()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder()));

        var refunded = await OkAsync(await ShopifyAsync(api, "refunds/create", ShopifyRefund));
        var again = await OkAsync(await ShopifyAsync(api, "refunds/create", ShopifyRefund));

        Assert.Equal("recorded", refunded.GetProperty("refunds")[0].GetProperty("outcome").GetString());
        Assert.Equal("replayed", again.GetProperty("refunds")[0].GetProperty("outcome").GetString());
        var order = OnlyOrder(await ExportAsync(api, "207119551"));
        Assert.Equal("389.94", order.GetProperty("netTotal").GetString());
        var refund = Assert.Single(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal("shopify-509562969", refund.GetProperty("refundId").GetString());
        Assert.Equal("it broke during shipping", refund.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Shopify_RefundOfAnOrderWeNeverSaw_200AndNothingStored()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "refunds/create", ShopifyRefund));

        Assert.Equal("order-not-recorded", body.GetProperty("refunds")[0].GetProperty("outcome").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_RefundAboveWhatRemains_200SkippedAndTheOrderUnchanged()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder(o => o["total_price"] = "100.00")));

        var body = await OkAsync(await ShopifyAsync(api, "refunds/create", ShopifyRefund));

        Assert.Equal("exceeds-remaining", body.GetProperty("refunds")[0].GetProperty("outcome").GetString());
        var order = OnlyOrder(await ExportAsync(api, "207119551"));
        Assert.Equal("100.00", order.GetProperty("netTotal").GetString());
        Assert.Empty(order.GetProperty("refunds").EnumerateArray());
    }

    [Fact]
    public async Task Shopify_RefundBeforeThePurchase_422NamesTheTime()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder(o => o["processed_at"] = "2020-01-01T00:00:00Z")));

        using var response = await ShopifyAsync(api, "refunds/create", ShopifyRefund);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.refund.created_at"], Problem.ErrorPaths(problem));
    }

    [Fact]
    public async Task Shopify_OrdersCancelled_CancelsTheRecordedOrder()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder()));

        var body = await OkAsync(await ShopifyAsync(api, "orders/cancelled", PaidShopifyOrder(o =>
        {
            o["cancelled_at"] = "2008-01-11T09:00:00-05:00";
            o["cancel_reason"] = "customer";
        })));

        Assert.Equal("cancelled", body.GetProperty("cancellation").GetString());
        var order = OnlyOrder(await ExportAsync(api, "207119551"));
        Assert.Equal(DateTimeOffset.Parse("2008-01-11T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture), order.GetProperty("cancelledAt").GetDateTimeOffset());
        Assert.Equal("0.00", order.GetProperty("netTotal").GetString());
    }

    [Fact]
    public async Task Shopify_OrdersCancelledForAPaidOrderWeNeverSaw_RecordedThenCancelled()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/cancelled", PaidShopifyOrder(o => o["cancelled_at"] = "2008-01-11T09:00:00-05:00")));

        Assert.Equal("recorded", body.GetProperty("purchase").GetString());
        Assert.Equal("cancelled", body.GetProperty("cancellation").GetString());
        Assert.NotEqual(JsonValueKind.Null, OnlyOrder(await ExportAsync(api, "207119551")).GetProperty("cancelledAt").ValueKind);
    }

    [Fact]
    public async Task Shopify_OrdersCancelledNeverPaid_NothingStored()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/cancelled", PaidShopifyOrder(o => o["financial_status"] = "voided")));

        Assert.Equal("order-not-recorded", body.GetProperty("cancellation").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_GuestCheckout_HashOfTheEmailIsTheCustomer()
    {
        await using var api = await StartAsync();

        await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder(o =>
        {
            o.Remove("customer");
            o["email"] = "Guest.Buyer@Example.com";
        })));

        var export = await ExportAsync(api, GuestCustomer.IdFor("guest.buyer@example.com").Value);
        Assert.Equal("Guest.Buyer@example.com", OnlyOrder(export).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Shopify_AnonymousSaleWithoutCustomerOrEmail_200IgnoredSoShopifyDoesNotRetry()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/paid", PaidShopifyOrder(o =>
        {
            o.Remove("customer");
            o["email"] = "";
            o["contact_email"] = null;
        })));

        Assert.Equal("ignored", body.GetProperty("outcome").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_CustomersRedact_NoTableHoldsTheirEmailOrName()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder));
        var redact = Encoding.UTF8.GetBytes("""
            {"shop_id": 954889, "shop_domain": "example.myshopify.com",
             "customer": {"id": 207119551, "email": "bob.norman@mail.example.com", "phone": "555-625-1199"},
             "orders_to_redact": [450789469]}
            """);

        var body = await OkAsync(await ShopifyAsync(api, "customers/redact", redact));

        Assert.Equal("erased", body.GetProperty("outcome").GetString());
        var export = await ExportAsync(api, "207119551");
        Assert.Equal(JsonValueKind.Null, export.GetProperty("contact").GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, export.GetProperty("contact").GetProperty("firstName").ValueKind);
        var order = OnlyOrder(export);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("firstName").ValueKind);
        Assert.Equal("389.94", order.GetProperty("netTotal").GetString());

        var service = new TableServiceClient(api.ConnectionString);
        var leaks = new List<string>();
        foreach (var row in await AllRowsAsync(api))
        {
            var table = row.Split('|')[0];
            await foreach (var entity in service.GetTableClient(api.TablePrefix + table).QueryAsync<TableEntity>())
            {
                leaks.AddRange(entity.Where(p => (p.Value?.ToString() ?? "").Contains("norman", StringComparison.OrdinalIgnoreCase)
                                                 || (p.Value?.ToString() ?? "").Contains("Bob", StringComparison.Ordinal))
                    .Select(p => $"{table}/{entity.RowKey}/{p.Key}"));
            }
        }
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Shopify_ShopRedact_EmptiesTheStore()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder));

        var body = await OkAsync(await ShopifyAsync(api, "shop/redact", """{"shop_id": 954889, "shop_domain": "example.myshopify.com"}"""u8.ToArray()));

        Assert.Equal("erased", body.GetProperty("outcome").GetString());
        using var export = await api.Client.GetAsync("customers/207119551/export");
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        // Only the record that shop/redact itself was applied remains.
        Assert.Equal("webhooks|shopify", string.Join(",", (await AllRowsAsync(api)).Select(r => string.Join('|', r.Split('|')[..2]))));
    }

    [Fact]
    public async Task Shopify_CustomersDataRequest_AnswersWithTheExport()
    {
        await using var api = await StartAsync();
        await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder));
        var request = Encoding.UTF8.GetBytes("""
            {"shop_id": 954889, "shop_domain": "example.myshopify.com", "orders_requested": [450789469],
             "customer": {"id": 207119551, "email": "bob.norman@mail.example.com", "phone": "555-625-1199"},
             "data_request": {"id": 9999}}
            """);

        var body = await OkAsync(await ShopifyAsync(api, "customers/data_request", request));

        var export = Assert.Single(body.GetProperty("exports").EnumerateArray());
        Assert.Equal("207119551", export.GetProperty("customerId").GetString());
        Assert.Equal("bob.norman@mail.example.com", export.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("450789469", OnlyOrder(export).GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Shopify_CustomersDataRequestForSomeoneUnknown_200WithNoExports()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "customers/data_request", """{"customer": {"id": 1}}"""u8.ToArray()));

        Assert.Empty(body.GetProperty("exports").EnumerateArray());
    }

    [Theory]
    [InlineData("x-shopify-hmac-sha256")]
    [InlineData("Shopify-Hmac-Sha256")]
    public async Task Shopify_SignatureHeaderVariants_Accepted(string header)
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "orders/paid", ShopifyOrder, signatureHeader: header));

        Assert.Equal("recorded", body.GetProperty("purchase").GetString());
    }

    public static TheoryData<string> Refusals => ["unsigned", "wrong secret", "tampered", "not base64", "empty body unsigned"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Shopify_UnsignedOrWrongSignature_401AndNoRowInAnyTable(string refusal)
    {
        await using var api = await StartAsync();
        var tampered = (byte[])ShopifyOrder.Clone();
        tampered[Array.IndexOf(tampered, (byte)'5')] = (byte)'6';
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/shopify")
        {
            Content = Bodies.Raw(refusal switch { "tampered" => tampered, "empty body unsigned" => [], _ => ShopifyOrder }, "application/json"),
        };
        request.Headers.Add("X-Shopify-Topic", "orders/paid");
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        switch (refusal)
        {
            case "wrong secret":
                request.Headers.Add("X-Shopify-Hmac-Sha256", Sign(ShopifyOrder, "s3cr€t/+=&"));
                break;
            case "tampered":
                request.Headers.Add("X-Shopify-Hmac-Sha256", Sign(ShopifyOrder, ShopifySecret));
                break;
            case "not base64":
                request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), ShopifyOrder)));
                break;
        }

        using var response = await api.Anonymous.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await AllRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_SecretNotSet_401SaysWhichSetting()
    {
        await using var api = await StartAsync(new Dictionary<string, string?> { ["WooCommerce:WebhookSecret"] = WooSecret });

        using var response = await ShopifyAsync(api, "orders/paid", ShopifyOrder, signature: Sign(ShopifyOrder, ""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "webhook-secret-not-set");
        Assert.StartsWith("Shopify:WebhookSecret is not set", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AllRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_InvalidCurrency_422NamesThePathAndTheDeliveryIsNotRecorded()
    {
        await using var api = await StartAsync();

        using var response = await ShopifyAsync(api, "orders/paid", PaidShopifyOrder(o =>
        {
            o["currency"] = "usd";
            o.Remove("total_price");
        }));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.currency", "$.total_price"], Problem.ErrorPaths(problem).Order());
        Assert.Empty(await AllRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_UnknownTopic_200Ignored()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await ShopifyAsync(api, "products/update", """{"id": 632910392, "title": "IPod Nano"}"""u8.ToArray()));

        Assert.Equal("ignored", body.GetProperty("outcome").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task Shopify_BodyOver1MiB_413()
    {
        await using var api = await StartAsync();
        var large = Encoding.UTF8.GetBytes("{\"note\":\"" + new string('x', 1 << 20) + "\"}");

        using var response = await ShopifyAsync(api, "orders/paid", large);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task WooCommerce_Ping_200AndRecordsNothing()
    {
        await using var api = await StartAsync();
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("webhook_id", "12")]);

        using var response = await api.Anonymous.PostAsync("webhooks/woocommerce", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await AllRowsAsync(api));
    }

    [Fact]
    public async Task WooCommerce_OrderCreatedOfficialExample_GuestPurchaseByBillingEmail()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await WooAsync(api, "order.created", WooOrder, Guid.NewGuid().ToString()));

        Assert.Equal("recorded", body.GetProperty("purchase").GetString());
        var export = await ExportAsync(api, GuestCustomer.IdFor("john.doe@example.com").Value);
        Assert.Equal("John", export.GetProperty("contact").GetProperty("firstName").GetString());
        var order = OnlyOrder(export);
        Assert.Equal("727", order.GetProperty("orderId").GetString());
        Assert.Equal(DateTimeOffset.Parse("2017-03-22T19:28:08Z", System.Globalization.CultureInfo.InvariantCulture), order.GetProperty("purchasedAt").GetDateTimeOffset());
        Assert.Equal("29.35", order.GetProperty("total").GetString());
        Assert.Equal(["product-93", "Bar3"], order.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal([2, 1], order.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task WooCommerce_SameOrderThreeTimesWithoutDeliveryId_OnePurchase()
    {
        await using var api = await StartAsync();

        var outcomes = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await OkAsync(await WooAsync(api, "order.updated", WooOrder))).GetProperty("purchase").GetString());
        }

        Assert.Equal(["recorded", "replayed", "replayed"], outcomes);
        Assert.Equal(1, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task WooCommerce_OrderWithRefunds_RefundsAdjustTheOrder()
    {
        await using var api = await StartAsync();
        var order723 = Encoding.UTF8.GetBytes(JsonNode.Parse(File.ReadAllBytes(Datasets.Path("woocommerce", "orders_list.json")))!.AsArray()
            .Single(o => o!["id"]!.GetValue<int>() == 723)!.ToJsonString());

        await OkAsync(await WooAsync(api, "order.updated", order723));
        var order = OnlyOrder(await ExportAsync(api, "26"));
        Assert.Equal("39.00", order.GetProperty("total").GetString());
        Assert.Equal("20.00", order.GetProperty("netTotal").GetString());
        Assert.Equal(["woo-726", "woo-724"], order.GetProperty("refunds").EnumerateArray().Select(r => r.GetProperty("refundId").GetString()));

        await OkAsync(await WooAsync(api, "order.updated", Edit(order723, o => o["status"] = "refunded")));
        Assert.Equal("0.00", OnlyOrder(await ExportAsync(api, "26")).GetProperty("netTotal").GetString());
    }

    [Fact]
    public async Task WooCommerce_StatusCancelled_CancelsTheOrder()
    {
        await using var api = await StartAsync();
        await OkAsync(await WooAsync(api, "order.created", WooOrder));

        var body = await OkAsync(await WooAsync(api, "order.updated", Edit(WooOrder, o => o["status"] = "cancelled")));

        Assert.Equal("cancelled", body.GetProperty("cancellation").GetString());
        Assert.Equal("0.00", OnlyOrder(await ExportAsync(api, GuestCustomer.IdFor("john.doe@example.com").Value)).GetProperty("netTotal").GetString());
    }

    [Fact]
    public async Task WooCommerce_OrderDeleted_CancelsTheOrder()
    {
        await using var api = await StartAsync();
        await OkAsync(await WooAsync(api, "order.created", WooOrder));

        var body = await OkAsync(await WooAsync(api, "order.deleted", """{"id": 727}"""u8.ToArray()));

        Assert.Equal("cancelled", body.GetProperty("cancellation").GetString());
        Assert.Equal("0.00", OnlyOrder(await ExportAsync(api, GuestCustomer.IdFor("john.doe@example.com").Value)).GetProperty("netTotal").GetString());
    }

    [Fact]
    public async Task WooCommerce_PendingOrder_IgnoredAndNothingStored()
    {
        await using var api = await StartAsync();

        var body = await OkAsync(await WooAsync(api, "order.created", Edit(WooOrder, o =>
        {
            o["status"] = "pending";
            o["date_paid_gmt"] = null;
        })));

        Assert.Equal("ignored", body.GetProperty("outcome").GetString());
        Assert.Equal(0, await OrderRowsAsync(api));
    }

    [Fact]
    public async Task WooCommerce_WrongSignature_401AndNoRowInAnyTable()
    {
        await using var api = await StartAsync();

        using var response = await WooAsync(api, "order.created", WooOrder, signature: Sign(WooOrder, ShopifySecret));

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "invalid-signature");
        Assert.Empty(await AllRowsAsync(api));
    }

    [Fact]
    public async Task Webhooks_NeedNoFunctionKey_OtherRoutesStillDo()
    {
        await using var api = await StartAsync();

        using var webhook = await ShopifyAsync(api, "orders/paid", ShopifyOrder);
        using var export = await api.Anonymous.GetAsync("customers/207119551/export");

        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }
}
