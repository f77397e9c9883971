using System.Net;
using System.Text.Json;
using Retention.Api.Endpoints;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary><c>POST /api/orders/{orderId}/refunds</c>: partial and full refunds, replays, conflicts, and what stays stored.</summary>
public sealed class RefundEndpointTests
{
    [Fact]
    public async Task RecordRefund_PartialThenPartialThenExceeding_Returns201Then201Then422NamingRemaining()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);

        using var first = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-1", 30m));
        using var second = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-2", 50.5m));
        var stored = await api.SnapshotAsync();
        using var third = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-3", 19.51m));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            Assert.Equal("o-1", body.RootElement.GetProperty("orderId").GetString());
            Assert.Equal("r-1", body.RootElement.GetProperty("refundId").GetString());
            Assert.Equal("30.00", body.RootElement.GetProperty("amount").GetString());
            Assert.Equal("EUR", body.RootElement.GetProperty("currency").GetString());
            Assert.Equal("70.00", body.RootElement.GetProperty("remaining").GetString());
            Assert.True(body.RootElement.GetProperty("orderCounted").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        using (var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync()))
        {
            Assert.Equal("50.50", body.RootElement.GetProperty("amount").GetString());
            Assert.Equal("19.50", body.RootElement.GetProperty("remaining").GetString());
        }
        var problem = await Problem.AssertAsync(third, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.amount"], Problem.ErrorPaths(problem));
        Assert.Contains("19.50", Assert.Single(Problem.ErrorsAt(problem, "$.amount")), StringComparison.Ordinal);
        Assert.Equal(stored, await api.SnapshotAsync());
        var order = await api.RequireOrderRowAsync("c-1", "o-1");
        Assert.Equal("19.50", order.GetString("NetTotal"));
        Assert.Equal(true, order.GetBoolean("IsCounted"));
        var summary = await api.RequireSummaryAsync("c-1");
        Assert.Equal(1, summary.CountedOrderCount);
        Assert.Equal(19.50m, summary.Revenue());
    }

    [Fact]
    public async Task RecordRefund_IdenticalRepostAfterLaterRefund_Returns200WithFirstBytesAndReplayHeader()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        using var first = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-1", 30m, "damaged"));
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        using var later = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-2", 10m));
        var stored = await api.SnapshotAsync();

        using var replay = await api.Client.PostJsonAsync("orders/o-1/refunds", """{ "reason": "damaged", "amount": "30.00", "refundId": "r-1" }""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(["true"], replay.Headers.GetValues(IngestEndpoints.ReplayHeader));
        Assert.Equal(firstBytes, await replay.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored, await api.SnapshotAsync());
        Assert.Equal(60m, (await api.RequireSummaryAsync("c-1")).Revenue());
    }

    [Theory]
    [InlineData("""{"refundId":"r-1","amount":31}""")]
    [InlineData("""{"refundId":"r-1","amount":30,"reason":"other reason"}""")]
    [InlineData("""{"refundId":"r-1","amount":30,"refundedAt":"2026-10-02T00:00:00Z"}""")]
    public async Task RecordRefund_SameRefundIdDifferentContent_Returns409AndChangesNothing(string body)
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        using var first = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-1", 30m));
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("orders/o-1/refunds", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "refund-id-conflict");
        Assert.Equal(stored, await api.SnapshotAsync());
        Assert.Equal(70m, (await api.RequireSummaryAsync("c-1")).Revenue());
    }

    [Fact]
    public async Task RecordRefund_UnknownOrder_Returns404AndWritesNothing()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-2/refunds", Bodies.Refund("r-1", 1m));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordRefund_AfterCancel_Returns409OrderCancelled()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        using var cancel = await api.Client.PostJsonAsync("orders/o-1/cancel", "{}");
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-1/refunds", Bodies.Refund("r-1", 1m));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "order-cancelled");
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordRefund_MissingRefundIdAndAmount_Returns400NamingBoth()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-1/refunds", """{"reason":"x"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-fields");
        Assert.Equal(["$.amount", "$.refundId"], Problem.ErrorPaths(problem).Order(StringComparer.Ordinal));
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordRefund_RefundedBeforePurchase_Returns422NamingRefundedAt()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-1/refunds", """{"refundId":"r-1","amount":1,"refundedAt":"2026-09-30T00:00:00Z"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.Equal(["$.refundedAt"], Problem.ErrorPaths(problem));
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordRefund_BodyOver1MiB_Returns413AndChangesNothing()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostAsync("orders/o-1/refunds",
            Bodies.Raw(PurchaseEndpointTests.Padded(Bodies.Refund("r-1", 1m), (int)IngestEndpoints.MaxPurchaseBytes + 1), "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordRefund_TextPlain_Returns415AndChangesNothing()
    {
        await using var api = await ApiWithOrderAsync("o-1", "c-1", 100m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostAsync("orders/o-1/refunds",
            Bodies.Raw(System.Text.Encoding.UTF8.GetBytes(Bodies.Refund("r-1", 1m)), "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task RecordRefund_OrderIdWithEscapedCharacters_FindsTheOrder()
    {
        const string orderId = "#1001 A?b|c%d";
        await using var api = await ApiWithOrderAsync(orderId, "c/1", 10m);

        using var response = await api.Client.PostJsonAsync($"orders/{Uri.EscapeDataString(orderId)}/refunds", Bodies.Refund("r-1", 10m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, (await api.RequireSummaryAsync("c/1")).CountedOrderCount);
    }

    [Fact]
    public async Task RecordRefundAndCancel_OrderIdWithSlash_FindTheOrder()
    {
        const string orderId = "shop/2026/1001";
        await using var api = await ApiWithOrderAsync(orderId, "c-slash", 10m);

        using var refund = await api.Client.PostJsonAsync($"orders/{Uri.EscapeDataString(orderId)}/refunds", Bodies.Refund("r-1", 4m));
        using var cancel = await api.Client.PostAsync($"orders/{Uri.EscapeDataString(orderId)}/cancel", null);

        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(0, (await api.RequireSummaryAsync("c-slash")).CountedOrderCount);
    }

    internal static async Task<TestApi> ApiWithOrderAsync(string orderId, string customerId, decimal total)
    {
        var api = await TestApi.StartAsync();
        using var response = await api.Client.PostJsonAsync("purchases", Bodies.Purchase(orderId, customerId, total));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return api;
    }
}
