using Retention.Domain.Amounts;
using Retention.Domain.Purchases;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Purchases;

public sealed class PurchaseRulesTests
{
    private const string InTheFuture = "must not be more than 5 minutes in the future";
    private const string TooEarly = "must not be before 1990-01-01";

    // Now is 2024-03-01T12:00:00Z in every case.
    [Theory]
    [InlineData("2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01T12:05:00Z")]
    [InlineData("2024-03-01T17:05:00+05:00")]
    [InlineData("2024-03-01T07:05:00-05:00")]
    [InlineData("2024-03-02T01:05:00+13:05")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2024-02-29T23:59:59.9999999-12:00")]
    [InlineData("2024-01-31T23:59:59+00:00")]
    [InlineData("1990-01-01T00:00:00Z")]
    [InlineData("1989-12-31T23:30:00-01:00")]
    public void CheckPurchasedAt_WithinBounds_NoError(string purchasedAt)
    {
        Assert.Null(PurchaseRules.CheckPurchasedAt(Sample.At(purchasedAt), Sample.Now));
    }

    [Theory]
    [InlineData("2024-03-01T12:05:00.0000001Z", InTheFuture)]
    [InlineData("2024-03-01T12:05:01Z", InTheFuture)]
    [InlineData("2024-03-01T17:05:01+05:00", InTheFuture)]
    [InlineData("2024-03-01T13:05:00.0000001+01:00", InTheFuture)]
    [InlineData("2024-03-02T00:00:00Z", InTheFuture)]
    [InlineData("1989-12-31T23:59:59.9999999Z", TooEarly)]
    [InlineData("1990-01-01T00:30:00+01:00", TooEarly)]
    [InlineData("1970-01-01T00:00:00Z", TooEarly)]
    [InlineData("0001-01-01T00:00:00Z", TooEarly)]
    public void CheckPurchasedAt_OutOfBounds_ReportsReason(string purchasedAt, string reason)
    {
        Assert.Equal(reason, PurchaseRules.CheckPurchasedAt(Sample.At(purchasedAt), Sample.Now)?.Reason);
    }

    [Fact]
    public void CheckPurchasedAt_NowOnALeapDay_AllowsFiveMinutesIntoMarch()
    {
        var now = Sample.At("2024-02-29T23:58:00Z");

        Assert.Null(PurchaseRules.CheckPurchasedAt(Sample.At("2024-03-01T00:03:00Z"), now));
        Assert.Equal(InTheFuture, PurchaseRules.CheckPurchasedAt(Sample.At("2024-03-01T00:03:01Z"), now)?.Reason);
    }

    [Theory]
    [InlineData("SKU-1", null)]
    [InlineData("a", null)]
    [InlineData("Kaffee ☕ 250 g", null)]
    [InlineData("", "must not be empty")]
    [InlineData("SKU\t1", "must not contain control characters")]
    [InlineData("SKU-1\n", "must not contain control characters")]
    public void CheckText_Value_ReportsReasonOrNull(string value, string? reason)
    {
        Assert.Equal(reason, PurchaseRules.CheckText(value)?.Reason);
    }

    [Fact]
    public void CheckText_LengthBoundary_128AllowedAnd129Rejected()
    {
        Assert.Null(PurchaseRules.CheckText(new string('x', 128)));
        Assert.Equal("must be at most 128 characters", PurchaseRules.CheckText(new string('x', 129))?.Reason);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(100_000, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(100_001, false)]
    [InlineData(long.MaxValue, false)]
    [InlineData(long.MinValue, false)]
    public void CheckQuantity_Value_AllowedFromOneTo100000(long quantity, bool allowed)
    {
        var error = PurchaseRules.CheckQuantity(quantity);

        Assert.Equal(allowed ? null : "must be a whole number from 1 to 100000", error?.Reason);
    }

    [Theory]
    [InlineData("0", "EUR", null)]
    [InlineData("2.50", "EUR", null)]
    [InlineData("10.00", "JPY", null)]
    [InlineData("10.5", "JPY", "has more decimal places than JPY allows (0)")]
    [InlineData("-0.01", "EUR", "must be zero or more")]
    public void CheckUnitPrice_Value_FollowsMoneyRules(string unitPrice, string currency, string? reason)
    {
        Assert.Equal(reason, PurchaseRules.CheckUnitPrice(Sample.Amount(unitPrice), CurrencyCode.Parse(currency))?.Reason);
    }
}
