using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Retention.Api.Endpoints;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary><c>POST /api/orders/{orderId}/cancel</c>.</summary>
public sealed class CancelEndpointTests
{
    [Fact]
    public async Task CancelOrder_LiveOrder_Returns200WithCancellationAndStopsCounting()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);

        using var response = await api.Client.PostJsonAsync("orders/o-1/cancel", """{"cancelledAt":"2026-10-02T08:00:00+02:00","reason":"customer asked"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(IngestEndpoints.ReplayHeader));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("o-1", body.RootElement.GetProperty("orderId").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-10-02T06:00:00Z", CultureInfo.InvariantCulture), body.RootElement.GetProperty("cancelledAt").GetDateTimeOffset());
        Assert.Equal("customer asked", body.RootElement.GetProperty("reason").GetString());
        var order = await api.RequireOrderRowAsync("c-1", "o-1");
        Assert.Equal(false, order.GetBoolean("IsCounted"));
        Assert.Equal("0.00", order.GetString("NetTotal"));
        var summary = await api.RequireSummaryAsync("c-1");
        Assert.Equal(0, summary.CountedOrderCount);
        Assert.Equal(0m, summary.Revenue());
        Assert.Null(summary.FirstPurchaseAt);
    }

    [Fact]
    public async Task CancelOrder_Repeated_Returns200WithFirstBodyAndReplayHeader()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        using var first = await api.Client.PostJsonAsync("orders/o-1/cancel", """{"reason":"first"}""");
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var stored = await api.SnapshotAsync();

        using var second = await api.Client.PostJsonAsync("orders/o-1/cancel", """{"reason":"second"}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["true"], second.Headers.GetValues(IngestEndpoints.ReplayHeader));
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task CancelOrder_EmptyBody_Returns200CancelledNow()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await api.Client.PostAsync("orders/o-1/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var cancelledAt = body.RootElement.GetProperty("cancelledAt").GetDateTimeOffset();
        Assert.InRange(cancelledAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("reason").ValueKind);
        Assert.Equal(0, (await api.RequireSummaryAsync("c-1")).CountedOrderCount);
    }

    [Fact]
    public async Task CancelOrder_UnknownOrder_Returns404AndWritesNothing()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-2/cancel", "{}");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task CancelOrder_CancelledBeforePurchase_Returns422NamingCancelledAt()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-1/cancel", """{"cancelledAt":"2026-09-01T00:00:00Z"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.cancelledAt"], Problem.ErrorPaths(problem));
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task CancelOrder_CancelledAtWithoutOffset_Returns400NamingCancelledAt()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostJsonAsync("orders/o-1/cancel", """{"cancelledAt":"2026-10-02T08:00:00"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid-fields");
        Assert.Equal(["$.cancelledAt"], Problem.ErrorPaths(problem));
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task CancelOrder_TextPlainBody_Returns415AndChangesNothing()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostAsync("orders/o-1/cancel", Bodies.Raw(Encoding.UTF8.GetBytes("{}"), "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(stored, await api.SnapshotAsync());
    }

    [Fact]
    public async Task CancelOrder_BodyOver1MiB_Returns413AndChangesNothing()
    {
        await using var api = await RefundEndpointTests.ApiWithOrderAsync("o-1", "c-1", 40m);
        var stored = await api.SnapshotAsync();

        using var response = await api.Client.PostAsync("orders/o-1/cancel",
            Bodies.Raw(PurchaseEndpointTests.Padded("""{"reason":"x"}""", (int)IngestEndpoints.MaxPurchaseBytes + 1), "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(stored, await api.SnapshotAsync());
    }
}
