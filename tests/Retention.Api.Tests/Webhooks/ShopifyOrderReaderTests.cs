using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Retention.Api.Json;
using Retention.Api.Webhooks;
using Retention.Domain.Purchases;

using Retention.Domain.Customers;

namespace Retention.Api.Tests.Webhooks;

public sealed class ShopifyOrderReaderTests
{
    private static readonly string Order = Fixtures.Text("shopify", "order_450789469.json");

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string With(Action<JsonObject> change, string? json = null)
    {
        var node = JsonNode.Parse(json ?? Order)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static (WebhookOrder? Order, Dictionary<string, string[]> Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        var order = ShopifyOrderReader.ReadOrder(document.RootElement, Fixtures.Now, errors);
        return (order, errors.ToDictionary());
    }

    private static Purchase ReadPurchase(string json)
    {
        var (order, errors) = Read(json);
        Assert.Empty(errors);
        return order!.Purchase!;
    }

    [Fact]
    public void ReadOrder_OfficialExample_MapsEveryField()
    {
        var (order, errors) = Read(Order);

        Assert.Empty(errors);
        var purchase = order!.Purchase!;
        Assert.Equal("450789469", purchase.OrderId.Value);
        Assert.Equal("207119551", purchase.CustomerId.Value);
        Assert.Equal(At("2008-01-10T11:00:00-05:00"), purchase.PurchasedAt);
        Assert.Equal(TimeSpan.FromHours(-5), purchase.PurchasedAt.Offset);
        Assert.Equal("USD", purchase.Total.Currency.Code);
        Assert.Equal(598.94m, purchase.Total.Amount);
        Assert.Equal("bob.norman@mail.example.com", purchase.Email!.Value.Value);
        Assert.Equal("Bob", purchase.FirstName);
        Assert.Null(purchase.Locale);
        Assert.False(purchase.MarketingConsent);
        Assert.False(purchase.IsTest);
        Assert.Equal(["TENOFF"], purchase.DiscountCodes.ToArray());
        Assert.Equal(
            [
                new PurchaseLine("IPOD2008GREEN", 1, 199.00m, null, "IPod Nano - 8gb"),
                new PurchaseLine("IPOD2008RED", 1, 199.00m, null, "IPod Nano - 8gb"),
                new PurchaseLine("IPOD2008BLACK", 1, 199.00m, null, "IPod Nano - 8gb"),
            ],
            purchase.Lines.ToArray());
        Assert.Equal("partially_refunded", order.Status);
        Assert.True(order.IsPaid);
        Assert.False(order.IsTest);
        Assert.Empty(order.Dropped.ToArray());
    }

    [Fact]
    public void ReadOrder_OfficialExample_CarriesItsRefundWithTheRefundsTimeAndNote()
    {
        var (order, _) = Read(Order);

        var refund = Assert.Single(order!.Refunds);
        Assert.Equal("shopify-509562969", refund.Request.RefundId.Value);
        Assert.Equal(209.00m, refund.Request.Amount);
        Assert.Equal(At("2025-07-02T11:29:59-05:00"), refund.Request.RefundedAt);
        Assert.Equal("it broke during shipping", refund.Request.Reason);
        Assert.Equal("$.refunds[0].transactions", refund.AmountPath);
        Assert.Equal("$.refunds[0].processed_at", refund.TimePath);
    }

    [Fact]
    public void ReadOrder_GuestCheckout_HashOfTheEmailIsTheCustomer()
    {
        var purchase = ReadPurchase(With(o =>
        {
            o.Remove("customer");
            o["email"] = "Guest.Buyer@Example.COM";
        }));

        Assert.Equal(GuestCustomer.IdFor("guest.buyer@example.com"), purchase.CustomerId);
        Assert.StartsWith("guest-", purchase.CustomerId.Value, StringComparison.Ordinal);
        Assert.Equal("Guest.Buyer@example.com", purchase.Email!.Value.Value);
        Assert.Equal("Bob", purchase.FirstName);
        Assert.True(Read(With(o => o.Remove("customer"))).Order!.HasCustomer);
    }

    [Fact]
    public void ReadOrder_NeitherCustomerNorEmail_AnAnonymousSaleNotAnError()
    {
        var (order, errors) = Read(With(o =>
        {
            o["customer"] = null;
            o["email"] = "";
            o.Remove("contact_email");
        }));

        Assert.Empty(errors);
        Assert.False(order!.HasCustomer);
        Assert.Null(order.Purchase);
    }

    [Fact]
    public void ReadOrder_GuestWithALongEmail_TheHashedIdStillFits()
    {
        var (order, errors) = Read(With(o =>
        {
            o.Remove("customer");
            o["email"] = new string('a', 120) + "@example.com";
        }));

        Assert.True(order!.HasCustomer);
        Assert.Empty(errors);
        Assert.Equal(38, order.Purchase!.CustomerId.Value.Length);
    }

    [Fact]
    public void ReadOrder_LineWithoutSku_ProductAndVariantStandIn()
    {
        var purchase = ReadPurchase(With(o =>
        {
            o["line_items"]![0]!["sku"] = "";
            o["line_items"]![1]!["sku"] = null;
            o["line_items"]![1]!["variant_id"] = null;
        }));

        Assert.Equal("product-632910392-39072856", purchase.Lines[0].Sku);
        Assert.Equal("product-632910392", purchase.Lines[1].Sku);
        Assert.Equal("IPOD2008BLACK", purchase.Lines[2].Sku);
    }

    [Theory]
    [InlineData("currency", "\"usd\"", "$.currency")]
    [InlineData("currency", "\"XXX\"", "$.currency")]
    [InlineData("currency", null, "$.currency")]
    [InlineData("total_price", null, "$.total_price")]
    [InlineData("total_price", "\"598.945\"", "$.total_price")]
    [InlineData("total_price", "\"-1.00\"", "$.total_price")]
    [InlineData("total_price", "\"1e3\"", "$.total_price")]
    [InlineData("processed_at", "\"2008-01-10 11:00\"", "$.processed_at")]
    [InlineData("processed_at", "\"2099-01-01T00:00:00Z\"", "$.processed_at")]
    [InlineData("id", null, "$.id")]
    public void ReadOrder_InvalidRequiredField_ReportedUnderItsPath(string field, string? rawValue, string path)
    {
        var (order, errors) = Read(With(o =>
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
    public void ReadOrder_NoProcessedAt_CreatedAtIsThePurchaseTime()
    {
        var purchase = ReadPurchase(With(o =>
        {
            o.Remove("processed_at");
            o["created_at"] = "2008-01-11T09:30:00+01:00";
        }));

        Assert.Equal(At("2008-01-11T08:30:00Z"), purchase.PurchasedAt);
    }

    [Theory]
    [InlineData("true", "not_subscribed", true)]
    [InlineData("false", "subscribed", true)]
    [InlineData("false", "unsubscribed", false)]
    [InlineData(null, "pending", false)]
    [InlineData("true", null, true)]
    [InlineData(null, null, null)]
    public void ReadOrder_Consent_FromEitherField(string? acceptsMarketing, string? state, bool? expected)
    {
        var purchase = ReadPurchase(With(o =>
        {
            o["buyer_accepts_marketing"] = acceptsMarketing is null ? null : JsonNode.Parse(acceptsMarketing);
            var customer = o["customer"]!.AsObject();
            if (state is null)
            {
                customer.Remove("email_marketing_consent");
            }
            else
            {
                customer["email_marketing_consent"]!["state"] = state;
            }
        }));

        Assert.Equal(expected, purchase.MarketingConsent);
    }

    [Fact]
    public void ReadOrder_InvalidOptionalFields_LeftOutAndNamed()
    {
        var (order, errors) = Read(With(o =>
        {
            o["customer_locale"] = "en_US";
            o["email"] = "not an address";
            o["contact_email"] = null;
            o["customer"]!["email"] = null;
            o["customer"]!["first_name"] = "Bo\u0007b";
            o["line_items"]![0]!["quantity"] = 0;
            o["line_items"]![1]!["price"] = "199.001";
        }));

        Assert.Empty(errors);
        var purchase = order!.Purchase!;
        Assert.Null(purchase.Locale);
        Assert.Null(purchase.Email);
        Assert.Null(purchase.FirstName);
        Assert.Equal(2, purchase.Lines.Length);
        Assert.Null(purchase.Lines[0].UnitPrice);
        Assert.Equal(["$.email", "$.customer.first_name", "$.customer_locale", "$.line_items[0].quantity", "$.line_items[1].price"], order.Dropped.ToArray());
    }

    [Fact]
    public void ReadOrder_Locale_Normalised()
    {
        Assert.Equal("pt-BR", ReadPurchase(With(o => o["customer_locale"] = "pt-br")).Locale!.Value.Value);
    }

    [Fact]
    public void ReadOrder_TestOrder_Flagged()
    {
        var (order, _) = Read(With(o => o["test"] = true));

        Assert.True(order!.IsTest);
    }

    [Fact]
    public void ReadOrder_Cancelled_CancellationTimeAndReason()
    {
        var (order, errors) = Read(With(o =>
        {
            o["cancelled_at"] = "2008-01-12T10:00:00-05:00";
            o["cancel_reason"] = "customer";
        }));

        Assert.Empty(errors);
        Assert.Equal(At("2008-01-12T15:00:00Z"), order!.Cancel.CancelledAt);
        Assert.Equal("customer", order.Cancel.Reason);
    }

    [Theory]
    [InlineData("pending", false)]
    [InlineData("authorized", false)]
    [InlineData("voided", false)]
    [InlineData("paid", true)]
    [InlineData("refunded", true)]
    public void ReadOrder_FinancialStatus_DecidesWhetherItWasPaid(string status, bool paid)
    {
        var (order, _) = Read(With(o => o["financial_status"] = status));

        Assert.Equal(paid, order!.IsPaid);
    }

    [Fact]
    public void ReadRefund_PythonApiFixture_WrappedRefund()
    {
        using var document = JsonDocument.Parse(Fixtures.Text("shopify", "python_api_refund.json"));
        var errors = new ValidationErrors();

        var (orderId, refund) = ShopifyOrderReader.ReadRefund(document.RootElement, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal("450789469", orderId!.Value.Value);
        Assert.Equal("shopify-509562969", refund!.Request.RefundId.Value);
        Assert.Equal(209.00m, refund.Request.Amount);
        Assert.Equal(At("2016-06-20T13:35:06-04:00"), refund.Request.RefundedAt);
        Assert.Equal("it broke during shipping", refund.Request.Reason);
    }

    [Fact]
    public void ReadRefund_OnlySuccessfulRefundTransactionsCount()
    {
        var json = """
            {"id": 7, "order_id": 450789469, "created_at": "2016-06-20T13:35:06-04:00", "note": "line one\nline two",
             "transactions": [
               {"kind": "refund", "status": "success", "amount": "10.00"},
               {"kind": "refund", "status": "failure", "amount": "99.00"},
               {"kind": "sale", "status": "success", "amount": "50.00"},
               {"kind": "refund", "amount": "2.50"}]}
            """;
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();

        var (_, refund) = ShopifyOrderReader.ReadRefund(document.RootElement, errors);

        Assert.Equal(12.50m, refund!.Request.Amount);
        Assert.Equal("line one line two", refund.Request.Reason);
    }

    [Fact]
    public void ReadRefund_WithoutTransactions_LineItemsSubtotalAndTax()
    {
        var json = """
            {"id": 8, "order_id": "450789469", "refund_line_items": [
               {"quantity": 1, "subtotal": 195.66, "total_tax": 3.91},
               {"quantity": 1, "subtotal": "195.67", "total_tax": "3.92"}]}
            """;
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();

        var (_, refund) = ShopifyOrderReader.ReadRefund(document.RootElement, errors);

        Assert.Equal(399.16m, refund!.Request.Amount);
        Assert.Null(refund.Request.RefundedAt);
        Assert.Equal("$.refund_line_items", refund.AmountPath);
    }

    [Fact]
    public void ReadRefund_EmptyTransactions_NoMoneyMoved()
    {
        using var document = JsonDocument.Parse("""{"id": 9, "order_id": 1, "transactions": [], "refund_line_items": [{"subtotal": "5.00"}]}""");
        var errors = new ValidationErrors();

        var (_, refund) = ShopifyOrderReader.ReadRefund(document.RootElement, errors);

        Assert.Equal(0m, refund!.Request.Amount);
    }

    [Fact]
    public void ReadRefund_MissingIds_ReportedUnderTheirPaths()
    {
        using var document = JsonDocument.Parse("""{"transactions": [{"kind": "refund", "amount": "ten"}]}""");
        var errors = new ValidationErrors();

        ShopifyOrderReader.ReadRefund(document.RootElement, errors);

        Assert.Equal(["$.order_id", "$.id", "$.transactions[0].amount"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void ReadCustomers_IdAndTheGuestIdOfTheEmail()
    {
        using var document = JsonDocument.Parse("""
            {"shop_id": 954889, "shop_domain": "example.myshopify.com", "customer": {"id": 191167, "email": "John@Example.com", "phone": "555-625-1199"},
             "orders_to_redact": [299938, 280263]}
            """);
        var errors = new ValidationErrors();

        var customers = ShopifyOrderReader.ReadCustomers(document.RootElement, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(["191167", GuestCustomer.IdFor("john@example.com").Value], customers.Select(c => c.Value));
    }

    [Fact]
    public void ReadCustomers_NoCustomer_Error()
    {
        using var document = JsonDocument.Parse("""{"shop_id": 954889}""");
        var errors = new ValidationErrors();

        Assert.Empty(ShopifyOrderReader.ReadCustomers(document.RootElement, errors));
        Assert.Equal(["$.customer.id"], errors.ToDictionary().Keys);
    }
}
