using System.Globalization;
using System.Net;
using System.Text.Json;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// The customer summary after purchases, partial and full refunds, cancellations and test orders: counted orders,
/// net revenue, first and last counted purchase. Expectations are computed from the three orders below.
/// </summary>
public sealed class CustomerSummaryTests
{
    private const string Customer = "c-1";
    private static readonly DateTimeOffset January = At("2026-01-10T09:00:00Z");
    private static readonly DateTimeOffset February = At("2026-02-01T09:00:00Z");
    private static readonly DateTimeOffset March = At("2026-03-05T12:00:00Z");

    [Fact]
    public async Task Summary_ThreeOrdersOutOfTimeOrder_CountsAllWithFirstAndLastByTime()
    {
        await using var api = await ApiWithThreeOrdersAsync();

        var summary = await api.RequireSummaryAsync(Customer);

        Assert.Equal(3, summary.CountedOrderCount);
        Assert.Equal(100m + 20m + 50m, summary.Revenue());
        Assert.Equal(January, summary.FirstPurchaseAt);
        Assert.Equal(March, summary.LastPurchaseAt);
    }

    [Fact]
    public async Task Summary_PartialRefund_KeepsOrderCountedWithNetRevenueReduced()
    {
        await using var api = await ApiWithThreeOrdersAsync();

        using var refund = await api.Client.PostJsonAsync("orders/o-mar/refunds", Bodies.Refund("r-1", 20m));

        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        var summary = await api.RequireSummaryAsync(Customer);
        Assert.Equal(3, summary.CountedOrderCount);
        Assert.Equal(100m + 20m + 50m - 20m, summary.Revenue());
        Assert.Equal(January, summary.FirstPurchaseAt);
        Assert.Equal(March, summary.LastPurchaseAt);
    }

    [Fact]
    public async Task Summary_FullRefundInTwoParts_OrderStopsCounting()
    {
        await using var api = await ApiWithThreeOrdersAsync();

        using var part = await api.Client.PostJsonAsync("orders/o-mar/refunds", Bodies.Refund("r-1", 20m));
        using var rest = await api.Client.PostJsonAsync("orders/o-mar/refunds", Bodies.Refund("r-2", 30m));

        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        using (var body = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()))
        {
            Assert.Equal("0.00", body.RootElement.GetProperty("remaining").GetString());
            Assert.False(body.RootElement.GetProperty("orderCounted").GetBoolean());
        }
        var order = await api.RequireOrderRowAsync(Customer, "o-mar");
        Assert.Equal(false, order.GetBoolean("IsCounted"));
        Assert.Equal("0.00", order.GetString("NetTotal"));
        var summary = await api.RequireSummaryAsync(Customer);
        Assert.Equal(2, summary.CountedOrderCount);
        Assert.Equal(100m + 20m, summary.Revenue());
        Assert.Equal(January, summary.FirstPurchaseAt);
        Assert.Equal(February, summary.LastPurchaseAt);
        Assert.Equal(3, summary.Orders.Length);
    }

    [Fact]
    public async Task Summary_CancelFirstOrder_OrderStopsCountingAndFirstPurchaseMoves()
    {
        await using var api = await ApiWithThreeOrdersAsync();

        using var cancel = await api.Client.PostJsonAsync("orders/o-jan/cancel", """{"reason":"fraud"}""");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var summary = await api.RequireSummaryAsync(Customer);
        Assert.Equal(2, summary.CountedOrderCount);
        Assert.Equal(20m + 50m, summary.Revenue());
        Assert.Equal(February, summary.FirstPurchaseAt);
        Assert.Equal(March, summary.LastPurchaseAt);
    }

    [Fact]
    public async Task Summary_PartialRefundThenCancel_CancelledOrderAddsNoRevenue()
    {
        await using var api = await ApiWithThreeOrdersAsync();

        using var refund = await api.Client.PostJsonAsync("orders/o-feb/refunds", Bodies.Refund("r-1", 5m));
        using var cancel = await api.Client.PostJsonAsync("orders/o-feb/cancel", "{}");

        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var summary = await api.RequireSummaryAsync(Customer);
        Assert.Equal(2, summary.CountedOrderCount);
        Assert.Equal(100m + 50m, summary.Revenue());
    }

    [Fact]
    public async Task Summary_EveryOrderRefundedOrCancelled_NothingCounted()
    {
        await using var api = await ApiWithThreeOrdersAsync();

        using var a = await api.Client.PostJsonAsync("orders/o-jan/refunds", Bodies.Refund("r-1", 100m));
        using var b = await api.Client.PostJsonAsync("orders/o-feb/cancel", "{}");
        using var c = await api.Client.PostJsonAsync("orders/o-mar/cancel", "{}");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK], [a.StatusCode, b.StatusCode, c.StatusCode]);
        var summary = await api.RequireSummaryAsync(Customer);
        Assert.Equal(0, summary.CountedOrderCount);
        Assert.Equal(0m, summary.Revenue());
        Assert.Null(summary.FirstPurchaseAt);
        Assert.Null(summary.LastPurchaseAt);
    }

    [Fact]
    public async Task TestOrder_RecordedRefundedAndCancelled_StoredButNeverCounted()
    {
        await using var api = await TestApi.StartAsync();
        using var real = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("o-real", Customer, 10m));
        var summaryBefore = await api.SnapshotAsync();

        using var test = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("o-test", Customer, 40m, test: true));
        using var refund = await api.Client.PostJsonAsync("orders/o-test/refunds", Bodies.Refund("r-1", 10m));
        using var cancel = await api.Client.PostJsonAsync("orders/o-test/cancel", "{}");

        Assert.Equal(HttpStatusCode.Created, real.StatusCode);
        Assert.Equal(HttpStatusCode.Created, test.StatusCode);
        using (var body = JsonDocument.Parse(await test.Content.ReadAsStringAsync()))
        {
            Assert.False(body.RootElement.GetProperty("counted").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        using (var body = JsonDocument.Parse(await refund.Content.ReadAsStringAsync()))
        {
            Assert.False(body.RootElement.GetProperty("orderCounted").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var order = await api.RequireOrderRowAsync(Customer, "o-test");
        Assert.Equal(true, order.GetBoolean("IsTest"));
        Assert.Equal(false, order.GetBoolean("IsCounted"));
        Assert.NotNull(await api.ReadClaimRowAsync("o-test"));
        var summaryRow = summaryBefore.Single(r => r.Contains("|s|", StringComparison.Ordinal));
        Assert.Contains(summaryRow, await api.SnapshotAsync());
        var summary = await api.RequireSummaryAsync(Customer);
        Assert.Equal(1, summary.CountedOrderCount);
        Assert.Single(summary.Orders);
        Assert.Equal(10m, summary.Revenue());
    }

    [Fact]
    public async Task TestOrder_OnlyOrderOfCustomer_NoSummaryRow()
    {
        await using var api = await TestApi.StartAsync();

        using var test = await api.Client.PostJsonAsync("purchases", Bodies.Purchase("o-test", "c-test", 40m, test: true));

        Assert.Equal(HttpStatusCode.Created, test.StatusCode);
        Assert.NotNull(await api.ReadOrderRowAsync("c-test", "o-test"));
        Assert.Null(await api.ReadSummaryAsync("c-test"));
    }

    private static async Task<TestApi> ApiWithThreeOrdersAsync()
    {
        var api = await TestApi.StartAsync();
        foreach (var (orderId, total, at) in new[] { ("o-mar", 50m, "2026-03-05T12:00:00Z"), ("o-jan", 100m, "2026-01-10T09:00:00Z"), ("o-feb", 20m, "2026-02-01T10:00:00+01:00") })
        {
            using var response = await api.Client.PostJsonAsync("purchases", Bodies.Purchase(orderId, Customer, total, at));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        return api;
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
