using Retention.Application.Import;
using Retention.Domain.Customers;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests.Import;

/// <summary>Shopify's orders export, on a fixture with the export's full header (Shopify publishes no sample file).</summary>
public sealed class ShopifyCsvReaderTests
{
    private const string Header = "Name,Email,Financial Status,Paid at,Accepts Marketing,Currency,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Cancelled at,Refunded Amount,Id";

    private static List<ImportItem> Fixture() => Readers.ReadFile(ImportFormat.ShopifyCsv, TestFiles.Fixture("shopify_orders_export.csv"));

    [Fact]
    public void Read_Fixture_OneItemPerOrderAtItsFirstLine()
    {
        var items = Fixture();

        Assert.Equal([2, 4, 5, 6, 7, 8, 9, 13], items.Select(i => i.Line));
        Assert.Equal([2, 1, 1, 1, 1, 1, 3, 1], items.Select(i => i.Rows));
        Assert.All(items, i => Assert.Null(i.Problem));
    }

    [Fact]
    public void Read_PaidOrder_MapsIdCustomerTimeAmountItemsCodesAndConsent()
    {
        var purchase = Fixture()[0].Purchase!;

        Assert.Equal("7410991464714", purchase.OrderId.Value);
        Assert.Equal(GuestCustomer.IdFor("sophie.martin@example.fr"), purchase.CustomerId);
        Assert.Equal("sophie.martin@example.fr", purchase.Email!.Value.Value);
        Assert.Equal(new DateTimeOffset(2025, 10, 7, 9, 50, 26, TimeSpan.FromHours(2)), purchase.PurchasedAt);
        Assert.Equal("EUR", purchase.Total.Currency.Code);
        Assert.Equal(104.88m, purchase.Total.Amount);
        Assert.Equal(
            [new PurchaseLine("MASK-BC-50", 3, 34.90m, null, "Masque au Bio-Collagène"), new PurchaseLine("SER-VC-30", 1, 6.89m, null, "Sérum Éclat \"Vitamine C\"")],
            purchase.Lines.ToArray());
        Assert.Equal(["WELCOME10"], purchase.DiscountCodes.ToArray());
        Assert.True(purchase.MarketingConsent);
        Assert.Equal("Sophie", purchase.FirstName);
        Assert.False(purchase.IsTest);
    }

    [Fact]
    public void Read_PartiallyRefunded_IsAPurchaseWithOneRefundOfTheRefundedAmount()
    {
        var item = Fixture()[1];

        Assert.Equal(GuestCustomer.IdFor("luc.bernard@example.com"), item.Purchase!.CustomerId);
        Assert.StartsWith("guest-", item.Purchase.CustomerId.Value, StringComparison.Ordinal);
        Assert.Equal("Luc.Bernard@example.com", item.Purchase.Email!.Value.Value);
        Assert.False(item.Purchase.MarketingConsent);
        var (orderId, refund) = Assert.Single(item.Refunds);
        Assert.Equal("7410991464715", orderId.Value);
        Assert.Equal(ShopifyCsvReader.RefundId, refund.RefundId.Value);
        Assert.Equal(24.50m, refund.Amount);
        Assert.Null(item.Cancel);
    }

    [Fact]
    public void Read_RefundedAndCancelled_RefundsTheTotalThenCancels()
    {
        var item = Fixture()[2];

        Assert.Equal(43.90m, item.Purchase!.Total.Amount);
        Assert.Equal(43.90m, Assert.Single(item.Refunds).Request.Amount);
        Assert.Equal(new DateTimeOffset(2025, 10, 10, 16, 40, 2, TimeSpan.FromHours(2)), item.Cancel!.CancelledAt);
    }

    [Fact]
    public void Read_UnpaidAndAnonymousOrders_AreSkippedWithTheirReason()
    {
        var items = Fixture();

        Assert.Equal(["financial status pending (not paid)", "financial status voided (not paid)", SkipReasons.NoCustomerOrEmail],
            items.Skip(3).Take(3).Select(i => i.SkipReason));
    }

    [Fact]
    public void Read_OrderOverSeveralRows_GathersLinesAndSplitsDiscountCodes()
    {
        var item = Fixture()[6];

        Assert.Equal(3, item.Rows);
        Assert.Equal(["MASK-BC-50", "CRM-NUIT-MINI", "Carte cadeau"], item.Purchase!.Lines.Select(l => l.Sku));
        Assert.Equal([1, 2, 1], item.Purchase.Lines.Select(l => l.Quantity));
        Assert.Equal(72.30m, item.Purchase.Total.Amount);
        Assert.Equal(["FIDELITE", "NOEL25"], item.Purchase.DiscountCodes.ToArray());
        Assert.Empty(item.Refunds);
    }

    [Fact]
    public void Read_PaidAtEmpty_UsesCreatedAtAndUnknownConsentStaysUnknown()
    {
        var purchase = Fixture()[7].Purchase!;

        Assert.Equal(new DateTimeOffset(2025, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)), purchase.PurchasedAt);
        Assert.Null(purchase.MarketingConsent);
    }

    [Fact]
    public void Read_NoIdColumnButCustomerId_UsesNameAndTheCustomerIdColumn()
    {
        var items = Readers.Read(ImportFormat.ShopifyCsv,
            "Name,Email,Customer Id,Financial Status,Paid at,Currency,Total\n#1001,a@example.com,cust-9,paid,2025-01-05 10:00:00 -0500,USD,12.00\n");

        var purchase = Assert.Single(items).Purchase!;
        Assert.Equal("#1001", purchase.OrderId.Value);
        Assert.Equal("cust-9", purchase.CustomerId.Value);
        Assert.Equal(new DateTimeOffset(2025, 1, 5, 15, 0, 0, TimeSpan.Zero), purchase.PurchasedAt.ToUniversalTime());
    }

    [Theory]
    [InlineData("#1,a@example.com,paid,2025-01-05 10:00:00 +0000,yes,EUR,ten,,,1,Mug,5.00,MUG,,,,1", 2, "Total", "must be a number such as 12.50 (got 'ten')")]
    [InlineData("#1,a@example.com,paid,someday,yes,EUR,5.00,,,1,Mug,5.00,MUG,,,,1", 2, "Paid at", "must be a date")]
    [InlineData("#1,a@example.com,paid,2025-01-05 10:00:00 +0000,maybe,EUR,5.00,,,1,Mug,5.00,MUG,,,,1", 2, "Accepts Marketing", "must be yes or no")]
    [InlineData("#1,a@example.com,paid,2025-01-05 10:00:00 +0000,yes,EUR,5.00,,,1,Mug,5.00,MUG,,,6.00,1", 2, "Refunded Amount", "must not be more than the order's Total (5.00)")]
    [InlineData("#1,a@example.com,shipped,2025-01-05 10:00:00 +0000,yes,EUR,5.00,,,1,Mug,5.00,MUG,,,,1", 2, "Financial Status", "'shipped' is not a Shopify financial status")]
    [InlineData("#1,not-an-email,paid,2025-01-05 10:00:00 +0000,yes,EUR,5.00,,,1,Mug,5.00,MUG,,,,1", 2, "Email", "must be an email address")]
    [InlineData("#1,a@example.com,paid,2025-01-05 10:00:00 +0000,yes,EUR,5.00,,,1,Mug,5.00,MUG,,,,1\n#1,a@example.com,,,,,,,,two,Cup,3.00,CUP,,,,", 3, "Lineitem quantity", "must be a whole number from 1 to 100000 (got 'two')")]
    [InlineData(",,,,,,,,,1,Cup,3.00,CUP,,,,", 2, "Name", "is required")]
    public void Read_BadValue_ProblemNamesLineAndColumn(string rows, int line, string column, string reason)
    {
        var item = Assert.Single(Readers.Read(ImportFormat.ShopifyCsv, Header + "\n" + rows + "\n"));

        Assert.Null(item.Purchase);
        Assert.Equal(line, item.Problem!.Line);
        Assert.Equal($"column \"{column}\"", item.Problem.Where);
        Assert.StartsWith(reason, item.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LineItemRowOfAnotherOrderFirst_ProblemSaysRowsMustFollowEachOther()
    {
        var items = Readers.Read(ImportFormat.ShopifyCsv, Header + "\n#2,b@example.com,,,,,,,,1,Cup,3.00,CUP,,,,\n");

        Assert.Contains("the rows of one order must follow each other", Assert.Single(items).Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithoutFinancialStatus_FailsNamingTheMissingColumns()
    {
        var error = Assert.Throws<FormatException>(() => Readers.Read(ImportFormat.ShopifyCsv, "Name,Email,Total\n#1,a@example.com,5\n"));

        Assert.Contains("Financial Status, Paid at or Created at", error.Message, StringComparison.Ordinal);
    }
}
