using Retention.Application.Import;
using Retention.Domain.Customers;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests.Import;

/// <summary>WooCommerce REST v3 orders: the official examples in ../shared/datasets/woocommerce, and edge cases beside them.</summary>
public sealed class WooCommerceJsonReaderTests
{
    private static List<ImportItem> OrdersList() => Readers.ReadFile(ImportFormat.WooCommerceJson, TestFiles.Dataset("woocommerce", "orders_list.json"));

    private static string Order(string status, string fields = "") => $$"""
        [
          {
            "id": 901, "status": "{{status}}", "currency": "EUR", "customer_id": 0,
            "date_created_gmt": "2025-03-01T09:00:00", "date_modified_gmt": "2025-03-04T10:00:00", "date_paid_gmt": "2025-03-01T09:05:00",
            "total": "40.00", "billing": { "first_name": "Ana", "email": "Ana@Example.com" },
            "line_items": [ { "name": "Tea", "product_id": 5, "variation_id": 0, "quantity": 2, "sku": "TEA", "price": 20 } ]{{fields}}
          }
        ]
        """;

    [Fact]
    public void Read_OrdersList_OneItemPerOrderAtTheLineItsObjectStarts()
    {
        var items = OrdersList();

        Assert.Equal(2, items.Count);
        Assert.Equal(2, items[0].Line);
        Assert.True(items[1].Line > items[0].Line);
        Assert.All(items, i => Assert.Null(i.Problem));
    }

    [Fact]
    public void Read_GuestProcessingOrder_MapsEmailAsCustomerPaidTimeTotalAndItems()
    {
        var purchase = OrdersList()[0].Purchase!;

        Assert.Equal("727", purchase.OrderId.Value);
        Assert.Equal(GuestCustomer.IdFor("john.doe@example.com"), purchase.CustomerId);
        Assert.Equal("john.doe@example.com", purchase.Email!.Value.Value);
        Assert.Equal("John", purchase.FirstName);
        Assert.Equal(new DateTimeOffset(2017, 3, 22, 19, 28, 8, TimeSpan.Zero), purchase.PurchasedAt);
        Assert.Equal("USD", purchase.Total.Currency.Code);
        Assert.Equal(29.35m, purchase.Total.Amount);
        Assert.Equal(
            [new PurchaseLine("product-93", 2, 3m, null, "Woo Single #1"), new PurchaseLine("Bar3", 1, 12m, null, "Ship Your Idea – Color: Black, Size: M Test")],
            purchase.Lines.ToArray());
        Assert.Null(purchase.MarketingConsent);
        Assert.Empty(purchase.DiscountCodes);
    }

    [Fact]
    public void Read_CompletedOrderWithRefunds_RegisteredCustomerCreatedTimeAndRefundsWithWooIds()
    {
        var item = OrdersList()[1];

        Assert.Equal("26", item.Purchase!.CustomerId.Value);
        Assert.Equal(new DateTimeOffset(2017, 3, 21, 19, 16, 0, TimeSpan.Zero), item.Purchase.PurchasedAt);
        Assert.Equal(39.00m, item.Purchase.Total.Amount);
        Assert.Equal([("723", "woo-726", 10.00m), ("723", "woo-724", 9.00m)], item.Refunds.Select(r => (r.OrderId.Value, r.Request.RefundId.Value, r.Request.Amount)));
        Assert.Null(item.Cancel);
    }

    [Fact]
    public void Read_SingleOrderObject_IsOneOrder()
    {
        var item = Assert.Single(Readers.ReadFile(ImportFormat.Auto, TestFiles.Dataset("woocommerce", "order_727.json")));

        Assert.Equal("727", item.Purchase!.OrderId.Value);
        Assert.Equal(1, item.Line);
    }

    [Fact]
    public void Read_Refunded_RefundsWhatTheRefundsListLeaves()
    {
        var item = Assert.Single(Readers.Read(ImportFormat.WooCommerceJson, Order("refunded", """, "refunds": [ { "id": 950, "reason": "broken", "total": "-15.00" } ]""")));

        Assert.Equal([("woo-950", 15.00m, "broken"), ("woo-status-refunded", 25.00m, "status refunded")],
            item.Refunds.Select(r => (r.Request.RefundId.Value, r.Request.Amount, r.Request.Reason)));
    }

    [Fact]
    public void Read_CancelledAfterPayment_IsAPurchaseCancelledAtTheLastChange()
    {
        var item = Assert.Single(Readers.Read(ImportFormat.WooCommerceJson, Order("cancelled", """, "coupon_lines": [ { "code": "spring10" } ]""")));

        Assert.Equal(GuestCustomer.IdFor("ana@example.com"), item.Purchase!.CustomerId);
        Assert.Equal(["spring10"], item.Purchase.DiscountCodes.ToArray());
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero), item.Cancel!.CancelledAt);
        Assert.Equal("cancelled in WooCommerce", item.Cancel.Reason);
    }

    [Theory]
    [InlineData("pending", "status pending (not paid)")]
    [InlineData("on-hold", "status on-hold (not paid)")]
    [InlineData("failed", "status failed (not paid)")]
    public void Read_UnpaidStatus_IsSkippedWithTheStatus(string status, string reason)
    {
        Assert.Equal(reason, Assert.Single(Readers.Read(ImportFormat.WooCommerceJson, Order(status))).SkipReason);
    }

    [Fact]
    public void Read_GuestWithoutEmail_IsSkipped()
    {
        var json = Order("completed").Replace("\"Ana@Example.com\"", "\"\"", StringComparison.Ordinal);

        Assert.Equal(SkipReasons.GuestWithoutEmail, Assert.Single(Readers.Read(ImportFormat.WooCommerceJson, json)).SkipReason);
    }

    [Theory]
    [InlineData("\"total\": \"40.00\"", "\"total\": \"forty\"", "order 901, field \"total\"", "must be a number such as 12.50 (got 'forty')")]
    [InlineData("\"quantity\": 2", "\"quantity\": 0", "order 901, field \"line_items[0].quantity\"", "must be a whole number from 1 to 100000 (got '0')")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"eur\"", "order 901, field \"currency\"", "must be three upper-case letters")]
    public void Read_BadField_ProblemNamesTheOrderLineAndField(string from, string to, string where, string reason)
    {
        var json = "[\n" + Order("completed").Replace(from, to, StringComparison.Ordinal).TrimStart('[', '\n');

        var problem = Assert.Single(Readers.Read(ImportFormat.WooCommerceJson, json)).Problem!;

        Assert.Equal(2, problem.Line);
        Assert.Equal(where, problem.Where);
        Assert.StartsWith(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenJson_FailsNamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => Readers.Read(ImportFormat.WooCommerceJson, "[\n{\"id\": 1,\n\"status\": }\n]"));

        Assert.StartsWith("Line 3: not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
