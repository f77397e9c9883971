using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retention.Api.Json;
using Retention.Api.Webhooks;
using Retention.Domain.Purchases;

using Retention.Domain.Customers;

namespace Retention.Api.Tests.Webhooks;

public sealed class WooOrderReaderTests
{
    private static readonly string Order727 = Fixtures.Text("woocommerce", "order_727.json");

    /// <summary>Order 723 of the list example: completed, a registered customer, two refunds, no payment date.</summary>
    private static readonly string Order723 = JsonNode.Parse(Fixtures.Text("woocommerce", "orders_list.json"))!.AsArray()
        .Single(o => o!["id"]!.GetValue<int>() == 723)!.ToJsonString();

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string With(string json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static (WebhookOrder? Order, Dictionary<string, string[]> Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        var order = WooOrderReader.ReadOrder(document.RootElement, Fixtures.Now, errors);
        return (order, errors.ToDictionary());
    }

    [Fact]
    public void ReadOrder_OfficialExample_MapsEveryField()
    {
        var (order, errors) = Read(Order727);

        Assert.Empty(errors);
        var purchase = order!.Purchase!;
        Assert.Equal("727", purchase.OrderId.Value);
        Assert.Equal(GuestCustomer.IdFor("john.doe@example.com"), purchase.CustomerId);
        Assert.Equal(At("2017-03-22T19:28:08Z"), purchase.PurchasedAt);
        Assert.Equal(TimeSpan.Zero, purchase.PurchasedAt.Offset);
        Assert.Equal("USD", purchase.Total.Currency.Code);
        Assert.Equal(29.35m, purchase.Total.Amount);
        Assert.Equal("john.doe@example.com", purchase.Email!.Value.Value);
        Assert.Equal("John", purchase.FirstName);
        Assert.Null(purchase.Locale);
        Assert.Null(purchase.MarketingConsent);
        Assert.Empty(purchase.DiscountCodes.ToArray());
        Assert.Equal(
            [
                new PurchaseLine("product-93", 2, 3m, null, "Woo Single #1"),
                new PurchaseLine("Bar3", 1, 12m, null, "Ship Your Idea \u2013 Color: Black, Size: M Test"),
            ],
            purchase.Lines.ToArray());
        Assert.Equal("processing", order.Status);
        Assert.True(order.IsPaid);
        Assert.Empty(order.Refunds);
        Assert.Empty(order.Dropped.ToArray());
    }

    [Fact]
    public void ReadOrder_ListExample_RegisteredCustomerCreatedTimeAndRefunds()
    {
        var (order, errors) = Read(Order723);

        Assert.Empty(errors);
        var purchase = order!.Purchase!;
        Assert.Equal("26", purchase.CustomerId.Value);
        Assert.Equal(At("2017-03-21T19:16:00Z"), purchase.PurchasedAt);
        Assert.Equal(39.00m, purchase.Total.Amount);
        Assert.Equal(["woo-726", "woo-724"], order.Refunds.Select(r => r.Request.RefundId.Value));
        Assert.Equal([10.00m, 9.00m], order.Refunds.Select(r => r.Request.Amount));
        Assert.All(order.Refunds, r => Assert.Null(r.Request.RefundedAt));
        Assert.Equal("$.refunds[0].total", order.Refunds[0].AmountPath);
    }

    [Fact]
    public void ReadOrder_StatusRefunded_RestOfTheTotalIsRefunded()
    {
        var (order, _) = Read(With(Order723, o => o["status"] = "refunded"));

        Assert.Equal(["woo-726", "woo-724", WooOrderReader.StatusRefundId], order!.Refunds.Select(r => r.Request.RefundId.Value));
        Assert.Equal(20.00m, order.Refunds[2].Request.Amount);
    }

    [Fact]
    public void ReadOrder_StatusRefundedFullyCovered_NoExtraRefund()
    {
        var (order, _) = Read(With(Order723, o =>
        {
            o["status"] = "refunded";
            o["refunds"]!.AsArray().Add(new JsonObject { ["id"] = 730, ["reason"] = "", ["total"] = "-20.00" });
        }));

        Assert.Equal(3, order!.Refunds.Length);
        Assert.DoesNotContain(order.Refunds, r => r.Request.RefundId.Value == WooOrderReader.StatusRefundId);
    }

    [Fact]
    public void ReadOrder_RefundsAboveTheTotal_Error()
    {
        var (_, errors) = Read(With(Order723, o => o["refunds"]!.AsArray().Add(new JsonObject { ["id"] = 731, ["total"] = "-30.00" })));

        Assert.Contains("$.refunds", errors.Keys);
    }

    [Fact]
    public void ReadOrder_GuestWithoutEmail_AnAnonymousSaleNotAnError()
    {
        var (order, errors) = Read(With(Order727, o => o["billing"]!["email"] = ""));

        Assert.Empty(errors);
        Assert.False(order!.HasCustomer);
        Assert.Null(order.Purchase);
    }

    [Fact]
    public void ReadOrder_RegisteredCustomerWithoutEmail_HasACustomer()
    {
        var (order, errors) = Read(With(Order723, o => o["billing"]!["email"] = ""));

        Assert.Empty(errors);
        Assert.True(order!.HasCustomer);
        Assert.Equal("26", order.Purchase!.CustomerId.Value);
        Assert.Null(order.Purchase.Email);
    }

    [Theory]
    [InlineData("currency", "\"US$\"", "$.currency")]
    [InlineData("total", "\"29.355\"", "$.total")]
    [InlineData("total", null, "$.total")]
    [InlineData("date_paid_gmt", "\"22/03/2017\"", "$.date_paid_gmt")]
    [InlineData("id", "\"\"", "$.id")]
    public void ReadOrder_InvalidRequiredField_ReportedUnderItsPath(string field, string? rawValue, string path)
    {
        var (order, errors) = Read(With(Order727, o =>
        {
            if (rawValue is null)
            {
                o.Remove(field);
            }
            else
            {
                o[field] = JsonNode.Parse(rawValue);
            }
        }));

        Assert.Null(order?.Purchase);
        Assert.Contains(path, errors.Keys);
    }

    [Fact]
    public void ReadOrder_UnitPriceWithMoreDecimalsThanTheCurrency_LeftOut()
    {
        var (order, errors) = Read(With(Order727, o => o["line_items"]![0]!["price"] = 3.3333333333));

        Assert.Empty(errors);
        Assert.Null(order!.Purchase!.Lines[0].UnitPrice);
        Assert.Equal(["$.line_items[0].price"], order.Dropped.ToArray());
    }

    [Fact]
    public void ReadOrder_Coupons_DistinctCodesInOrder()
    {
        var (order, _) = Read(With(Order727, o => o["coupon_lines"] = JsonNode.Parse("""[{"id":1,"code":"spring"},{"id":2,"code":"vip"},{"id":3,"code":"spring"}]""")));

        Assert.Equal(["spring", "vip"], order!.Purchase!.DiscountCodes.ToArray());
    }

    [Theory]
    [InlineData("pending", null, false)]
    [InlineData("on-hold", null, false)]
    [InlineData("cancelled", null, false)]
    [InlineData("cancelled", "2017-03-22T19:28:08", true)]
    [InlineData("completed", null, true)]
    public void ReadOrder_PaidWhenPaidStatusOrPaymentDate(string status, string? paidAt, bool paid)
    {
        var (order, _) = Read(With(Order727, o =>
        {
            o["status"] = status;
            o["date_paid_gmt"] = paidAt;
        }));

        Assert.Equal(paid, order!.IsPaid);
    }

    [Fact]
    public void ReadOrder_Cancelled_CancelledAtTheLastChange()
    {
        var (order, _) = Read(With(Order727, o => o["status"] = "cancelled"));

        Assert.Equal(At("2017-03-22T19:28:08Z"), order!.Cancel.CancelledAt);
    }

    [Fact]
    public void ReadOrderId_DeletedOrderBody()
    {
        using var document = JsonDocument.Parse("""{"id": 727}""");
        var errors = new ValidationErrors();

        Assert.Equal("727", WooOrderReader.ReadOrderId(document.RootElement, errors)!.Value.Value);
    }
}
