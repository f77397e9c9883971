using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Retention.Api.Endpoints;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary><c>POST /api/purchases</c>: every answer it can give, and what each leaves in storage.</summary>
public sealed class PurchaseEndpointTests
{
    [Fact]
    public async Task RecordPurchase_NewOrder_Returns201AndWritesClaimOrderAndSummary()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-1", 12.5m, "2026-10-01T14:30:00+02:00"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains(IngestEndpoints.ReplayHeader));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("p-1", body.RootElement.GetProperty("orderId").GetString());
        Assert.Equal("c-1", body.RootElement.GetProperty("customerId").GetString());
        Assert.True(body.RootElement.GetProperty("counted").GetBoolean());
        var claim = await api.ReadClaimRowAsync("p-1");
        Assert.Equal("c-1", claim?.GetString("CustomerId"));
        var order = await api.RequireOrderRowAsync("c-1", "p-1");
        Assert.Equal("12.50", order.GetString("Total"));
        Assert.Equal("EUR", order.GetString("Currency"));
        Assert.Equal("2026-10-01T14:30:00.0000000+02:00", order.GetString("PurchasedAt"));
        var summary = await api.RequireSummaryAsync("c-1");
        Assert.Equal(1, summary.CountedOrderCount);
        Assert.Equal(12.50m, summary.Revenue());
        Assert.Equal(DateTimeOffset.Parse("2026-10-01T12:30:00Z", CultureInfo.InvariantCulture), summary.FirstPurchaseAt);
        Assert.Equal(summary.FirstPurchaseAt, summary.LastPurchaseAt);
        Assert.Equal(3, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordPurchase_IdenticalRepost_Returns200WithSameBytesAndReplayHeader()
    {
        await using var api = await TestApi.StartAsync();
        var purchase = Bodies.Purchase("p-1", "c-1", 20m);
        using var first = await api.Client.PostJsonAsync("purchases", purchase);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("purchases", purchase);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["true"], second.Headers.GetValues(IngestEndpoints.ReplayHeader));
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored, await api.SnapshotAsync());
        Assert.Equal(1, (await api.RequireSummaryAsync("c-1")).CountedOrderCount);
    }

    [Fact]
    public async Task RecordPurchase_SameOrderIdDifferentTotal_Returns409AndKeepsFirst()
    {
        await using var api = await TestApi.StartAsync();
        using var first = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-1", 20m));
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-1", 21m));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "order-id-conflict");
        Assert.False(second.Headers.Contains(IngestEndpoints.ReplayHeader));
        Assert.Equal(stored, await api.SnapshotAsync());
        Assert.Equal("20.00", (await api.RequireOrderRowAsync("c-1", "p-1")).GetString("Total"));
        Assert.Equal(20m, (await api.RequireSummaryAsync("c-1")).Revenue());
    }

    public static TheoryData<string, string> SemanticallyIdenticalBodies => new()
    {
        {
            "reordered keys",
            """{"total":10.5,"currency":"EUR","purchasedAt":"2026-10-01T12:00:00Z","customerId":"c-1","orderId":"p-1","email":"ann@example.com","locale":"pt-BR"}"""
        },
        {
            "white space and new lines",
            "{\n  \"orderId\" : \"p-1\",\r\n\t\"customerId\":\"c-1\" ,\"purchasedAt\":   \"2026-10-01T12:00:00Z\",\n\"currency\":\"EUR\",\"total\":10.5,\"email\":\"ann@example.com\",\"locale\":\"pt-BR\"\n}\n"
        },
        {
            "same instant with +01:00",
            """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T13:00:00+01:00","currency":"EUR","total":10.5,"email":"ann@example.com","locale":"pt-BR"}"""
        },
        {
            "same instant with fractional zeros and lower-case z",
            """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00.000z","currency":"EUR","total":10.5,"email":"ann@example.com","locale":"pt-BR"}"""
        },
        {
            "10.50 instead of 10.5",
            """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR","total":10.50,"email":"ann@example.com","locale":"pt-BR"}"""
        },
        {
            "\"10.50\" as a string",
            """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR","total":"10.50","email":"ann@example.com","locale":"pt-BR"}"""
        },
        {
            "explicit nulls for optional fields",
            """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR","total":10.5,"email":"ann@example.com","locale":"pt-BR","marketingConsent":null,"items":null,"discountCodes":null,"test":false}"""
        },
        {
            "unknown field and normalised case of email domain and locale",
            """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR","total":10.5,"email":"ann@EXAMPLE.com","locale":"pt-br","storefront":"x"}"""
        },
    };

    [Theory]
    [MemberData(nameof(SemanticallyIdenticalBodies))]
    public async Task RecordPurchase_SemanticallyIdenticalBody_IsReplayNotConflict(string variant, string body)
    {
        await using var api = await TestApi.StartAsync();
        const string original = """{"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR","total":10.5,"email":"ann@example.com","locale":"pt-BR"}""";
        using var first = await api.Client.PostJsonAsync("purchases", original);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("purchases", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(HttpStatusCode.OK == second.StatusCode, $"{variant}: {(int)second.StatusCode} {await second.Content.ReadAsStringAsync()}");
        Assert.Equal(["true"], second.Headers.GetValues(IngestEndpoints.ReplayHeader));
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordPurchase_SameOrderIdForOtherCustomer_Returns409AndWritesNothingForThatCustomer()
    {
        await using var api = await TestApi.StartAsync();
        using var first = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-1", 20m));
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-2", 20m));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "order-id-conflict");
        Assert.Null(await api.ReadSummaryAsync("c-2"));
        Assert.Null(await api.ReadOrderRowAsync("c-2", "p-1"));
        Assert.Equal("c-1", (await api.ReadClaimRowAsync("p-1"))?.GetString("CustomerId"));
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordPurchase_InvalidFields_Returns400WithEveryErrorKeyedByJsonPath()
    {
        await using var api = await TestApi.StartAsync();
        const string body = """
            {"orderId":"p-1","customerId":"c-1","purchasedAt":"2026-10-01T12:00:00Z","currency":"eur","total":"ten",
             "items":[{"sku":"A","quantity":1},{"sku":"B","quantity":0}]}
            """;

        using var response = await api.Client.PostJsonAsync("purchases", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-fields");
        Assert.Equal(["$.currency", "$.items[1].quantity", "$.total"], Problem.ErrorPaths(problem).Order(StringComparer.Ordinal));
        Assert.NotEmpty(Problem.ErrorsAt(problem, "$.total"));
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordPurchase_NegativeTotal_Returns400NamingTotal()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("p-1", "c-1", -0.01m));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-fields");
        Assert.Equal(["$.total"], Problem.ErrorPaths(problem));
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordPurchase_EscapedSurrogatePairAndUnicode_IsAcceptedAndStoredExactly()
    {
        await using var api = await TestApi.StartAsync();
        const string body = """{"orderId":"p-\uD83D\uDE00","customerId":"Zoë \u00e9","purchasedAt":"2026-10-01T12:00:00Z","currency":"EUR","total":1}""";

        using var response = await api.Client.PostJsonAsync("purchases", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(await api.ReadOrderRowAsync("Zoë é", "p-\U0001F600"));
        Assert.Equal(1, (await api.RequireSummaryAsync("Zoë é")).CountedOrderCount);
    }

    [Fact]
    public async Task RecordPurchase_BodyOneByteOver1MiB_Returns413AndWritesNothing()
    {
        await using var api = await TestApi.StartAsync();
        var body = Padded(Bodies.Purchase("p-1", "c-1"), (int)IngestEndpoints.MaxPurchaseBytes + 1);

        using var response = await api.Client.PostAsync("purchases", Bodies.Raw(body, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordPurchase_BodyOfExactly1MiB_IsAccepted()
    {
        await using var api = await TestApi.StartAsync();
        var body = Padded(Bodies.Purchase("p-1", "c-1"), (int)IngestEndpoints.MaxPurchaseBytes);

        using var response = await api.Client.PostAsync("purchases", Bodies.Raw(body, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(await api.ReadOrderRowAsync("c-1", "p-1"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task RecordPurchase_NotJson_Returns415AndWritesNothing(string contentType)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("purchases", Bodies.Raw(Encoding.UTF8.GetBytes(Bodies.Purchase("p-1", "c-1")), contentType));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(0, await api.CountEntitiesAsync());
    }

    [Fact]
    public async Task RecordPurchase_ProblemJsonContentType_IsAccepted()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("purchases",
            Bodies.Raw(Encoding.UTF8.GetBytes(Bodies.Purchase("p-1", "c-1")), "application/vnd.shop+json; charset=UTF-8"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The JSON with an unknown "padding" field that makes it exactly <paramref name="size"/> bytes.</summary>
    internal static byte[] Padded(string json, int size)
    {
        var head = json[..^1] + ",\"padding\":\"";
        const string tail = "\"}";
        var fill = size - Encoding.UTF8.GetByteCount(head) - tail.Length;
        return Encoding.UTF8.GetBytes(head + new string('x', fill) + tail);
    }
}
