using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// A corpus of malformed requests to the purchase, batch, refund and cancel endpoints. Each must be refused with the
/// expected 4xx and an <c>application/problem+json</c> body (never a 5xx), and must leave every row of both tables as
/// it was (same keys, same ETags). The cases share one API and its seeded orders (a class fixture), which is sound
/// because the cases of a class run one after another and each compares storage before and after itself.
/// </summary>
public sealed class MalformedRequestTests(MalformedRequestTests.SeededApi seeded) : IClassFixture<MalformedRequestTests.SeededApi>
{
    private const string SeedOrder = "seed-1";
    private const string SeedJpyOrder = "seed-jpy";

    /// <summary>A valid purchase, as ordered key/raw-JSON pairs that the cases change one at a time.</summary>
    private static readonly (string Key, string Raw)[] ValidPurchase =
    [
        ("orderId", "\"m-1\""), ("customerId", "\"c-m\""), ("purchasedAt", "\"2026-10-01T12:00:00Z\""), ("currency", "\"EUR\""), ("total", "10.00"),
        ("email", "\"ann@example.com\""), ("locale", "\"en-GB\""), ("marketingConsent", "true"),
        ("items", """[{"sku":"A-1","quantity":2,"unitPrice":"5.00","category":"tea"}]"""), ("discountCodes", "[\"WELCOME\"]"), ("test", "false"),
    ];

    private static readonly (string Key, string Raw)[] ValidRefund = [("refundId", "\"mr-1\""), ("amount", "1.00"), ("refundedAt", "\"2026-10-02T12:00:00Z\""), ("reason", "\"damaged\"")];

    private static readonly Lazy<Dictionary<string, MalformedCase>> Cases = new(BuildCases);

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Value.Keys)
            {
                data.Add(name);
            }
            return data;
        }
    }

    [Fact]
    public void Corpus_HasAtLeastFiftyCasesOverEveryWriteEndpoint()
    {
        Assert.True(Cases.Value.Count >= 50, $"{Cases.Value.Count} cases");
        Assert.Contains(Cases.Value.Values, c => c.Path == "purchases");
        Assert.Contains(Cases.Value.Values, c => c.Path == "purchases/batch");
        Assert.Contains(Cases.Value.Values, c => c.Path.EndsWith("/refunds", StringComparison.Ordinal));
        Assert.Contains(Cases.Value.Values, c => c.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Corpus_UnchangedBaseRequests_AreAccepted()
    {
        await using var api = await SeededApi.StartSeededAsync();

        using var purchase = await api.Client.PostJsonAsync("purchases", Purchase());
        using var batch = await api.Client.PostJsonAsync("purchases/batch", Bodies.Batch([Purchase(("orderId", "\"m-2\""))]));
        using var refund = await api.Client.PostJsonAsync($"orders/{SeedOrder}/refunds", Refund());
        using var cancel = await api.Client.PostJsonAsync($"orders/{SeedJpyOrder}/cancel", """{"reason":"ok"}""");

        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Contains("\"status\":201", await batch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Post_MalformedRequest_Returns4xxProblemAndChangesNothing(string name)
    {
        var testCase = Cases.Value[name];
        var api = seeded.Api;
        var stored = await api.SnapshotAsync();
        var count = await api.CountEntitiesAsync();

        using var response = await api.Client.PostAsync(testCase.Path, Bodies.Raw(testCase.Body, testCase.ContentType));

        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{name}: {status} {text}");
        Assert.True(testCase.Status == status, $"{name}: expected {testCase.Status}, got {status} {text}");
        Assert.Equal(Problem.MediaType, response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("title").GetString()));
        Assert.Equal(stored, await api.SnapshotAsync());
        Assert.Equal(count, await api.CountEntitiesAsync());
    }

    private static Dictionary<string, MalformedCase> BuildCases()
    {
        var cases = new Dictionary<string, MalformedCase>(StringComparer.Ordinal);
        void Add(string name, string path, byte[] body, int status, string? contentType = "application/json") =>
            cases.Add(name, new MalformedCase(path, body, contentType, status));
        void P(string name, string json, int status = 400) => Add("purchase: " + name, "purchases", Encoding.UTF8.GetBytes(json), status);
        void R(string name, string json, int status = 400, string orderId = SeedOrder) =>
            Add("refund: " + name, $"orders/{orderId}/refunds", Encoding.UTF8.GetBytes(json), status);
        void B(string name, string json, int status = 400) => Add("batch: " + name, "purchases/batch", Encoding.UTF8.GetBytes(json), status);
        void C(string name, string json, int status = 400) => Add("cancel: " + name, $"orders/{SeedOrder}/cancel", Encoding.UTF8.GetBytes(json), status);
        var future = DateTimeOffset.UtcNow.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var deepArray = new string('[', 100) + new string(']', 100);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        // Wrong JSON types and missing fields.
        P("total is a word", Purchase(("total", "\"ten\"")));
        P("total is a boolean", Purchase(("total", "true")));
        P("total is an object", Purchase(("total", "{}")));
        P("total is an array", Purchase(("total", "[10]")));
        P("total is an empty string", Purchase(("total", "\"\"")));
        P("total string with spaces", Purchase(("total", "\" 10.00\"")));
        P("orderId is a number", Purchase(("orderId", "123")));
        P("customerId is null", Purchase(("customerId", "null")));
        P("orderId missing", Purchase(("orderId", null)));
        P("customerId missing", Purchase(("customerId", null)));
        P("purchasedAt missing", Purchase(("purchasedAt", null)));
        P("currency missing", Purchase(("currency", null)));
        P("total missing", Purchase(("total", null)));
        P("marketingConsent is a string", Purchase(("marketingConsent", "\"yes\"")));
        P("test is a string", Purchase(("test", "\"true\"")));
        P("test is 1", Purchase(("test", "1")));

        // Numbers out of range.
        P("total 1e400", Purchase(("total", "1e400")));
        P("total 1e30", Purchase(("total", "1e30")));
        P("total -1e400", Purchase(("total", "-1e400")));
        P("total with 400 digits", Purchase(("total", "1" + new string('0', 400))));
        P("total with exponent in a string", Purchase(("total", "\"1e3\"")));
        P("total above the maximum", Purchase(("total", "1000000000000")));
        P("total negative", Purchase(("total", "-5.00")));
        P("total negative string", Purchase(("total", "\"-0.01\"")));
        P("total NaN literal", Purchase(("total", "NaN")));
        P("total Infinity string", Purchase(("total", "\"Infinity\"")));
        P("total with three decimals in EUR", Purchase(("total", "10.001")));
        P("total with decimals in JPY", Purchase(("currency", "\"JPY\""), ("total", "100.5")));
        P("total with decimals in JPY as string", Purchase(("currency", "\"JPY\""), ("total", "\"100.50\"")));
        P("total with four decimals in KWD", Purchase(("currency", "\"KWD\""), ("total", "1.0001")));

        // Dates.
        P("purchasedAt not a date", Purchase(("purchasedAt", "\"yesterday\"")));
        P("purchasedAt date only", Purchase(("purchasedAt", "\"2026-10-01\"")));
        P("purchasedAt without offset", Purchase(("purchasedAt", "\"2026-10-01T12:00:00\"")));
        P("purchasedAt February 30", Purchase(("purchasedAt", "\"2026-02-30T12:00:00Z\"")));
        P("purchasedAt hour 25", Purchase(("purchasedAt", "\"2026-10-01T25:00:00Z\"")));
        P("purchasedAt offset +25:00", Purchase(("purchasedAt", "\"2026-10-01T12:00:00+25:00\"")));
        P("purchasedAt 30 minutes in the future", Purchase(("purchasedAt", $"\"{future}\"")));
        P("purchasedAt before 1990", Purchase(("purchasedAt", "\"1989-12-31T23:59:59Z\"")));
        P("purchasedAt unix seconds", Purchase(("purchasedAt", "1700000000")));
        P("purchasedAt with trailing new line", Purchase(("purchasedAt", "\"2026-10-01T12:00:00Z\\n\"")));
        P("purchasedAt in RFC 1123 form", Purchase(("purchasedAt", "\"Thu, 01 Oct 2026 12:00:00 GMT\"")));

        // Currencies.
        P("currency lower case", Purchase(("currency", "\"eur\"")));
        P("currency unknown", Purchase(("currency", "\"XYZ\"")));
        P("currency four letters", Purchase(("currency", "\"EURO\"")));
        P("currency precious metal", Purchase(("currency", "\"XAU\"")));
        P("currency withdrawn", Purchase(("currency", "\"DEM\"")));
        P("currency empty", Purchase(("currency", "\"\"")));
        P("currency number", Purchase(("currency", "978")));

        // Identifiers.
        P("orderId empty", Purchase(("orderId", "\"\"")));
        P("orderId with control character", Purchase(("orderId", "\"m-\\u0001\"")));
        P("orderId with NUL", Purchase(("orderId", "\"m-\\u0000-1\"")));
        P("orderId with new line", Purchase(("orderId", "\"m-1\\n\"")));
        P("orderId of 129 characters", Purchase(("orderId", $"\"{new string('o', 129)}\"")));
        P("orderId with leading space", Purchase(("orderId", "\" m-1\"")));
        P("orderId lone surrogate", Purchase(("orderId", "\"m-\\uD800\"")));
        P("lone low surrogate in email", Purchase(("email", "\"ann\\uDC00@example.com\"")));
        P("lone surrogate in a property name", Purchase(("x\\uD800", "1")));
        P("lone surrogate in a discount code", Purchase(("discountCodes", "[\"A\\uD83D\"]")));
        P("customerId with tab", Purchase(("customerId", "\"c\\tm\"")));
        P("customerId of 129 characters", Purchase(("customerId", $"\"{new string('c', 129)}\"")));

        // Contact fields.
        P("email without at", Purchase(("email", "\"not-an-email\"")));
        P("email without domain dot", Purchase(("email", "\"ann@example\"")));
        P("email with display name", Purchase(("email", "\"Ann <ann@example.com>\"")));
        P("email with space", Purchase(("email", "\"ann smith@example.com\"")));
        P("email empty", Purchase(("email", "\"\"")));
        P("email of 300 characters", Purchase(("email", $"\"{new string('a', 288)}@example.com\"")));
        P("locale with underscore", Purchase(("locale", "\"en_GB\"")));
        P("locale nonsense", Purchase(("locale", "\"english please\"")));
        P("locale number", Purchase(("locale", "42")));
        P("locale with trailing new line", Purchase(("locale", "\"en\\n\"")));

        // Items and discount codes.
        P("items is an object", Purchase(("items", "{}")));
        P("items holds a number", Purchase(("items", "[42]")));
        P("item without quantity", Purchase(("items", """[{"sku":"A"}]""")));
        P("item without sku", Purchase(("items", """[{"quantity":1}]""")));
        P("item quantity zero", Purchase(("items", """[{"sku":"A","quantity":0}]""")));
        P("item quantity fractional", Purchase(("items", """[{"sku":"A","quantity":1.5}]""")));
        P("item quantity 1e20", Purchase(("items", """[{"sku":"A","quantity":1e20}]""")));
        P("item unitPrice word", Purchase(("items", """[{"sku":"A","quantity":1,"unitPrice":"x"}]""")));
        P("item unitPrice with three decimals", Purchase(("items", """[{"sku":"A","quantity":1,"unitPrice":1.001}]""")));
        P("item sku empty", Purchase(("items", """[{"sku":"","quantity":1}]""")));
        P("item sku of 129 characters", Purchase(("items", $$"""[{"sku":"{{new string('s', 129)}}","quantity":1}]""")));
        P("251 items", Purchase(("items", "[" + string.Join(',', Enumerable.Repeat("""{"sku":"A","quantity":1}""", 251)) + "]")));
        P("discountCodes is a string", Purchase(("discountCodes", "\"WELCOME\"")));
        P("discountCodes holds a number", Purchase(("discountCodes", "[1]")));
        P("discountCodes holds an empty code", Purchase(("discountCodes", "[\"\"]")));
        P("discountCodes holds a control character", Purchase(("discountCodes", "[\"A\\u0007\"]")));
        P("51 discountCodes", Purchase(("discountCodes", "[" + string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"C{i}\"")) + "]")));

        // Bodies that are not one JSON object.
        P("array nested 100 deep", Purchase(("extra", deepArray)));
        P("object nested 100 deep", Purchase(("extra", deepObject)));
        P("JSON array instead of object", "[" + Purchase() + "]");
        P("JSON string", "\"purchase\"");
        P("JSON number", "42");
        P("JSON null", "null");
        P("duplicate orderId property", Purchase(("orderId", "\"m-1\",\"orderId\":\"m-2\"")));
        P("duplicate property with same value", Purchase(("total", "10.00,\"total\":10.00")));
        P("truncated JSON", Purchase()[..^5]);
        P("trailing comma", Purchase()[..^1] + ",}");
        P("comment", "/* hi */" + Purchase());
        P("single quotes", Purchase().Replace('"', '\''));
        P("two JSON objects", Purchase() + Purchase());
        P("white space only", "   \n ");
        Add("purchase: empty body", "purchases", [], 400);
        Add("purchase: invalid UTF-8 in a string", "purchases", Utf8With([0xC3, 0x28]), 400);
        Add("purchase: UTF-8 encoded surrogate", "purchases", Utf8With([0xED, 0xA0, 0x80]), 400);
        Add("purchase: overlong UTF-8", "purchases", Utf8With([0xC0, 0xAF]), 400);
        Add("purchase: UTF-16 body", "purchases", Encoding.Unicode.GetBytes(Purchase()), 400);
        Add("purchase: 2 MiB body", "purchases", PurchaseEndpointTests.Padded(Purchase(), 2 << 20), 413);
        Add("purchase: text/plain", "purchases", Encoding.UTF8.GetBytes(Purchase()), 415, "text/plain");
        Add("purchase: application/xml", "purchases", Encoding.UTF8.GetBytes(Purchase()), 415, "application/xml");
        Add("purchase: form content type", "purchases", Encoding.UTF8.GetBytes(Purchase()), 415, "application/x-www-form-urlencoded");
        Add("purchase: no content type", "purchases", Encoding.UTF8.GetBytes(Purchase()), 415, null);
        Add("purchase: JSON in latin1 charset", "purchases", Encoding.UTF8.GetBytes(Purchase()), 415, "application/json; charset=iso-8859-1");

        // Refunds against a real order.
        R("amount missing", Refund(("amount", null)));
        R("refundId missing", Refund(("refundId", null)));
        R("amount is a word", Refund(("amount", "\"some\"")));
        R("amount 1e400", Refund(("amount", "1e400")));
        R("amount 1e30", Refund(("amount", "1e30")));
        R("amount negative", Refund(("amount", "-5")), 422);
        R("amount zero", Refund(("amount", "0")), 422);
        R("amount with three decimals", Refund(("amount", "1.001")), 422);
        R("amount with decimals for a JPY order", Refund(("amount", "1.5")), 422, SeedJpyOrder);
        R("amount above the total", Refund(("amount", "100.01")), 422);
        R("refundId of 129 characters", Refund(("refundId", $"\"{new string('r', 129)}\"")));
        R("refundId with control character", Refund(("refundId", "\"r\\u001b1\"")));
        R("refundId is a number", Refund(("refundId", "7")));
        R("refundedAt without offset", Refund(("refundedAt", "\"2026-10-02T12:00:00\"")));
        R("refundedAt in the future", Refund(("refundedAt", $"\"{future}\"")), 422);
        R("refundedAt before the purchase", Refund(("refundedAt", "\"2026-09-30T12:00:00Z\"")), 422);
        R("reason of 501 characters", Refund(("reason", $"\"{new string('x', 501)}\"")));
        R("reason with control character", Refund(("reason", "\"bad\\u0000\"")));
        R("reason is a number", Refund(("reason", "5")));
        R("lone surrogate in the reason", Refund(("reason", "\"bad \\uDFFF\"")));
        R("JSON array instead of object", "[" + Refund() + "]");
        R("duplicate amount property", Refund(("amount", "1.00,\"amount\":2.00")));
        R("array nested 100 deep", Refund(("extra", deepArray)));
        R("order id of 129 characters in the route", Refund(), 400, new string('o', 129));
        R("order id with control character in the route", Refund(), 400, "seed%01");
        R("order id of white space in the route", Refund(), 400, "%20");
        Add("refund: empty body", $"orders/{SeedOrder}/refunds", [], 400);
        Add("refund: invalid UTF-8", $"orders/{SeedOrder}/refunds", Encoding.UTF8.GetBytes(Refund()[..^1]).Concat(new byte[] { 0xFF, (byte)'}' }).ToArray(), 400);
        Add("refund: 2 MiB body", $"orders/{SeedOrder}/refunds", PurchaseEndpointTests.Padded(Refund(), 2 << 20), 413);
        Add("refund: text/plain", $"orders/{SeedOrder}/refunds", Encoding.UTF8.GetBytes(Refund()), 415, "text/plain");

        // Batches.
        B("no purchases property", "{}");
        B("purchases is an object", """{"purchases":{}}""");
        B("purchases is null", """{"purchases":null}""");
        B("purchases empty", """{"purchases":[]}""");
        B("1001 purchases", "{\"purchases\":[" + string.Join(',', Enumerable.Repeat("{}", 1001)) + "]}");
        B("JSON array instead of object", "[" + Purchase() + "]");
        B("duplicate purchases property", "{\"purchases\":[],\"purchases\":[" + Purchase() + "]}");
        B("array nested 100 deep", "{\"purchases\":" + deepArray + "}");
        B("lone surrogate in an item's order id", Bodies.Batch([Purchase(("orderId", "\"m-\\uD800\""))]));
        B("truncated", Bodies.Batch([Purchase()])[..^3]);
        Add("batch: empty body", "purchases/batch", [], 400);
        Add("batch: invalid UTF-8", "purchases/batch", Encoding.UTF8.GetBytes("{\"purchases\":[").Concat(Utf8With([0xFE])).Concat(Encoding.UTF8.GetBytes("]}")).ToArray(), 400);
        Add("batch: 17 MiB body", "purchases/batch", PurchaseEndpointTests.Padded(Bodies.Batch([Purchase()]), 17 << 20), 413);
        Add("batch: text/plain", "purchases/batch", Encoding.UTF8.GetBytes(Bodies.Batch([Purchase()])), 415, "text/plain");

        // Cancellations of a real order.
        C("cancelledAt without offset", """{"cancelledAt":"2026-10-02T12:00:00"}""");
        C("cancelledAt not a date", """{"cancelledAt":"soon"}""");
        C("cancelledAt in the future", $$"""{"cancelledAt":"{{future}}"}""", 422);
        C("cancelledAt before the purchase", """{"cancelledAt":"2026-09-01T00:00:00Z"}""", 422);
        C("reason with control character", """{"reason":"a\u0002"}""");
        C("reason of 501 characters", $$"""{"reason":"{{new string('x', 501)}}"}""");
        C("JSON array instead of object", "[]");
        C("duplicate reason property", """{"reason":"a","reason":"b"}""");
        Add("cancel: text/plain", $"orders/{SeedOrder}/cancel", Encoding.UTF8.GetBytes("{}"), 415, "text/plain");
        Add("cancel: invalid UTF-8", $"orders/{SeedOrder}/cancel", Utf8With([0xC3, 0x28]), 400);
        Add("cancel: order id of 129 characters in the route", $"orders/{new string('o', 129)}/cancel", Encoding.UTF8.GetBytes("{}"), 400);
        return cases;
    }

    /// <summary>The valid purchase with some fields replaced (raw JSON), added, or removed (null).</summary>
    private static string Purchase(params (string Key, string? Raw)[] changes) => Object(ValidPurchase, changes);

    private static string Refund(params (string Key, string? Raw)[] changes) => Object(ValidRefund, changes);

    private static string Object((string Key, string Raw)[] valid, (string Key, string? Raw)[] changes)
    {
        var fields = valid.Select(f => (f.Key, Raw: (string?)f.Raw)).ToList();
        foreach (var (key, raw) in changes)
        {
            var at = fields.FindIndex(f => f.Key == key);
            if (at < 0)
            {
                fields.Add((key, raw));
            }
            else
            {
                fields[at] = (key, raw);
            }
        }
        return "{" + string.Join(',', fields.Where(f => f.Raw is not null).Select(f => $"\"{f.Key}\":{f.Raw}")) + "}";
    }

    /// <summary>The valid purchase with <paramref name="bytes"/> inside the customer id string.</summary>
    private static byte[] Utf8With(byte[] bytes)
    {
        var json = Purchase(("customerId", "\"c-\u0001MARK\""));
        var parts = json.Split("\u0001MARK", StringSplitOptions.None);
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. bytes, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    public sealed record MalformedCase(string Path, byte[] Body, string? ContentType, int Status);

    /// <summary>One API for the corpus, with a EUR order of 100.00 and a JPY order of 1000 to aim refunds and cancellations at.</summary>
    public sealed class SeededApi : IAsyncLifetime
    {
        private TestApi? _api;

        internal TestApi Api => _api ?? throw new InvalidOperationException("Not started.");

        internal static async Task<TestApi> StartSeededAsync()
        {
            var api = await TestApi.StartAsync();
            using var eur = await api.Client.PostJsonAsync("purchases", Bodies.Purchase(SeedOrder, "c-seed", 100m));
            using var jpy = await api.Client.PostJsonAsync("purchases", Bodies.Purchase(SeedJpyOrder, "c-seed", 1000m, currency: "JPY"));
            Assert.Equal(HttpStatusCode.Created, eur.StatusCode);
            Assert.Equal(HttpStatusCode.Created, jpy.StatusCode);
            return api;
        }

        public async Task InitializeAsync() => _api = await StartSeededAsync();

        public async Task DisposeAsync()
        {
            if (_api is not null)
            {
                await _api.DisposeAsync();
            }
        }
    }
}
