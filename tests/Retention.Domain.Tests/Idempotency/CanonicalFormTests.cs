using System.Collections.Immutable;
using Retention.Domain.Customers;
using Retention.Domain.Idempotency;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Idempotency;

public sealed class CanonicalFormTests
{
    private static readonly Purchase Full = Sample.Purchase(total: "25.50") with
    {
        Email = EmailAddress.Parse("ana@example.com"),
        Locale = LocaleTag.Parse("pt-BR"),
        MarketingConsent = true,
        Lines = [new PurchaseLine("SKU-1", 2, 10.25m, "coffee"), new PurchaseLine("SKU-2", 1, null, null)],
        DiscountCodes = ["WELCOME", "SPRING"],
    };

    [Theory]
    [InlineData("2024-02-29T09:00:00Z")]
    [InlineData("2024-02-29T09:00:00+00:00")]
    [InlineData("2024-02-29T10:00:00+01:00")]
    [InlineData("2024-02-28T23:00:00-10:00")]
    [InlineData("2024-02-29T23:00:00+14:00")]
    public void OfPurchase_SameInstantInAnotherOffset_SameFingerprint(string purchasedAt)
    {
        var other = Full with { PurchasedAt = Sample.At(purchasedAt) };

        Assert.Equal(CanonicalForm.Of(Full), CanonicalForm.Of(other));
    }

    [Fact]
    public void OfPurchase_AmountsWrittenWithDifferentTrailingZeros_SameFingerprint()
    {
        var short1 = Full with { Total = Sample.Money("10.5"), Lines = [new PurchaseLine("SKU-1", 1, 10.5m, null)] };
        var long1 = Full with { Total = Sample.Money("10.50"), Lines = [new PurchaseLine("SKU-1", 1, 10.500m, null)] };

        Assert.Equal(CanonicalForm.Of(short1), CanonicalForm.Of(long1));
    }

    [Fact]
    public void OfPurchase_EmailAndLocaleInAnotherCase_SameFingerprintOnceParsed()
    {
        var other = Full with { Email = EmailAddress.Parse("ana@EXAMPLE.com"), Locale = LocaleTag.Parse("PT-br") };

        Assert.Equal(CanonicalForm.Of(Full), CanonicalForm.Of(other));
    }

    [Fact]
    public void OfPurchase_RebuiltFromTheSameValues_SameFingerprint()
    {
        var rebuilt = Full with
        {
            Lines = [.. Full.Lines.Select(l => l with { })],
            DiscountCodes = ImmutableArray.Create("WELCOME", "SPRING"),
        };

        Assert.Equal(CanonicalForm.Of(Full), CanonicalForm.Of(rebuilt));
        Assert.Equal(CanonicalForm.Of(Full), Full.Fingerprint());
    }

    [Theory]
    [InlineData("orderId")]
    [InlineData("orderIdCase")]
    [InlineData("customerId")]
    [InlineData("purchasedAtOneTick")]
    [InlineData("purchasedAtSameLocalTimeOtherOffset")]
    [InlineData("total")]
    [InlineData("currency")]
    [InlineData("emailRemoved")]
    [InlineData("emailLocalPartCase")]
    [InlineData("localeRemoved")]
    [InlineData("localeOther")]
    [InlineData("consentFalse")]
    [InlineData("consentUnknown")]
    [InlineData("lineRemoved")]
    [InlineData("linesReordered")]
    [InlineData("sku")]
    [InlineData("quantity")]
    [InlineData("unitPrice")]
    [InlineData("unitPriceUnknownVsZero")]
    [InlineData("category")]
    [InlineData("categoryUnknownVsEmpty")]
    [InlineData("discountCodeRemoved")]
    [InlineData("discountCodesReordered")]
    [InlineData("discountCodesJoined")]
    [InlineData("test")]
    public void OfPurchase_AnyFieldChanged_DifferentFingerprint(string change)
    {
        var changed = change switch
        {
            "orderId" => Full with { OrderId = OrderId.Parse("order-2") },
            "orderIdCase" => Full with { OrderId = OrderId.Parse("ORDER-1") },
            "customerId" => Full with { CustomerId = CustomerId.Parse("customer-2") },
            "purchasedAtOneTick" => Full with { PurchasedAt = Full.PurchasedAt.AddTicks(1) },
            "purchasedAtSameLocalTimeOtherOffset" => Full with { PurchasedAt = Sample.At("2024-02-29T10:00:00+02:00") },
            "total" => Full with { Total = Sample.Money("25.51") },
            "currency" => Full with { Total = Sample.Money("25.50", "USD") },
            "emailRemoved" => Full with { Email = null },
            "emailLocalPartCase" => Full with { Email = EmailAddress.Parse("Ana@example.com") },
            "localeRemoved" => Full with { Locale = null },
            "localeOther" => Full with { Locale = LocaleTag.Parse("pt-PT") },
            "consentFalse" => Full with { MarketingConsent = false },
            "consentUnknown" => Full with { MarketingConsent = null },
            "lineRemoved" => Full with { Lines = [Full.Lines[0]] },
            "linesReordered" => Full with { Lines = [Full.Lines[1], Full.Lines[0]] },
            "sku" => Full with { Lines = [Full.Lines[0] with { Sku = "SKU-9" }, Full.Lines[1]] },
            "quantity" => Full with { Lines = [Full.Lines[0] with { Quantity = 3 }, Full.Lines[1]] },
            "unitPrice" => Full with { Lines = [Full.Lines[0] with { UnitPrice = 10.26m }, Full.Lines[1]] },
            "unitPriceUnknownVsZero" => Full with { Lines = [Full.Lines[0], Full.Lines[1] with { UnitPrice = 0m }] },
            "category" => Full with { Lines = [Full.Lines[0] with { Category = "tea" }, Full.Lines[1]] },
            "categoryUnknownVsEmpty" => Full with { Lines = [Full.Lines[0], Full.Lines[1] with { Category = "" }] },
            "discountCodeRemoved" => Full with { DiscountCodes = ["WELCOME"] },
            "discountCodesReordered" => Full with { DiscountCodes = ["SPRING", "WELCOME"] },
            "discountCodesJoined" => Full with { DiscountCodes = ["WELCOMESPRING"] },
            "test" => Full with { IsTest = true },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        Assert.NotEqual(CanonicalForm.Of(Full), CanonicalForm.Of(changed));
    }

    [Fact]
    public void OfRefund_SameRequestWithOtherOffsetAndTrailingZeros_SameFingerprint()
    {
        var orderId = OrderId.Parse("order-1");
        var a = Sample.RefundRequest("refund-1", "10.5", Sample.At("2024-03-01T10:00:00+01:00"), "damaged");
        var b = Sample.RefundRequest("refund-1", "10.50", Sample.At("2024-03-01T09:00:00Z"), "damaged");

        Assert.Equal(CanonicalForm.Of(orderId, a), CanonicalForm.Of(orderId, b));
    }

    [Theory]
    [InlineData("orderId")]
    [InlineData("refundId")]
    [InlineData("amount")]
    [InlineData("refundedAtOneTick")]
    [InlineData("refundedAtLeftOut")]
    [InlineData("reasonLeftOut")]
    [InlineData("reasonEmpty")]
    [InlineData("reasonOther")]
    public void OfRefund_AnyFieldChanged_DifferentFingerprint(string change)
    {
        var orderId = OrderId.Parse("order-1");
        var request = Sample.RefundRequest("refund-1", "10.50", Sample.At("2024-03-01T09:00:00Z"), "damaged");

        var (otherOrderId, other) = change switch
        {
            "orderId" => (OrderId.Parse("order-2"), request),
            "refundId" => (orderId, request with { RefundId = RefundId.Parse("refund-2") }),
            "amount" => (orderId, request with { Amount = 10.51m }),
            "refundedAtOneTick" => (orderId, request with { RefundedAt = request.RefundedAt!.Value.AddTicks(1) }),
            "refundedAtLeftOut" => (orderId, request with { RefundedAt = null }),
            "reasonLeftOut" => (orderId, request with { Reason = null }),
            "reasonEmpty" => (orderId, request with { Reason = "" }),
            "reasonOther" => (orderId, request with { Reason = "Damaged" }),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        Assert.NotEqual(CanonicalForm.Of(orderId, request), CanonicalForm.Of(otherOrderId, other));
    }

    [Fact]
    public void OfRefund_SameIdsAsAPurchase_NeverEqualsAPurchaseFingerprint()
    {
        var purchase = Sample.Purchase();
        var refund = Sample.RefundRequest("refund-1", "100.00");

        Assert.NotEqual(CanonicalForm.Of(purchase), CanonicalForm.Of(purchase.OrderId, refund));
    }
}
