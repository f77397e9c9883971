using Retention.Application.Import;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests.Import;

/// <summary>UCI Online Retail invoice lines: the 20,000-line sample in ../shared/datasets, and small files for the return rules.</summary>
public sealed class OnlineRetailReaderTests
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private static List<ImportItem> Read(string rows, string? currency = null) =>
        Readers.Read(ImportFormat.OnlineRetail, Header + "\n" + rows, Readers.Context("Europe/London", currency));

    [Fact]
    public void Read_20kSample_CountsOfInvoicesReturnsAndSkippedRows()
    {
        var items = Readers.ReadFile(ImportFormat.Auto, TestFiles.Dataset("online-retail", "online_retail_lines_sample_20k.csv"), Readers.Context("Europe/London"));

        Assert.Equal(20_000, items.Sum(i => i.Rows));
        Assert.DoesNotContain(items, i => i.Problem is not null);
        var invoices = items.Where(i => i.Purchase is not null).ToList();
        Assert.Equal(8_144, invoices.Count);
        Assert.Equal(14_580, invoices.Sum(i => i.Rows));
        Assert.Equal(5_078, items.Where(i => i.SkipReason == SkipReasons.NoCustomer).Sum(i => i.Rows));
        var returns = items.Where(i => i.ChangesEarlierOrders).ToList();
        Assert.Equal(232, returns.Count);
        Assert.Equal(275, returns.Sum(r => r.Refunds.Length));
        Assert.Equal(23, returns.Count(r => r.Notes.Contains(ImportNotes.ReturnsCut)));
        var unmatched = items.Where(i => i.SkipReason == SkipReasons.ReturnWithoutInvoice).ToList();
        Assert.Equal(73, unmatched.Count);
        Assert.Equal(75, unmatched.Sum(i => i.Rows));
        Assert.Equal(305, returns.Count + unmatched.Count);
        Assert.Equal(316_047.01m, invoices.Sum(i => i.Purchase!.Total.Amount));
        Assert.Equal(4_687.12m, returns.Sum(r => r.Refunds.Sum(x => x.Request.Amount)));
        Assert.All(invoices, i => Assert.Equal("GBP", i.Purchase!.Total.Currency.Code));
    }

    [Fact]
    public void Read_InvoiceLines_GroupIntoOnePurchaseAtTheEarliestLineTime()
    {
        var items = Read("""
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:27:00,2.55,17850,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
            """);

        Assert.Equal([2, 3], items.Select(i => i.Line));
        var purchase = items[0].Purchase!;
        Assert.Equal(2, items[0].Rows);
        Assert.Equal("536365", purchase.OrderId.Value);
        Assert.Equal("17850", purchase.CustomerId.Value);
        Assert.Equal(6 * 2.55m + 6 * 3.39m, purchase.Total.Amount);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), purchase.PurchasedAt);
        Assert.Equal([new PurchaseLine("85123A", 6, 2.55m, null, "WHITE HANGING HEART T-LIGHT HOLDER"), new PurchaseLine("71053", 6, 3.39m, null, "WHITE METAL LANTERN")],
            purchase.Lines.ToArray());
    }

    [Fact]
    public void Read_Returns_RefundMostRecentEarlierInvoicesFirstUpToWhatRemains()
    {
        var items = Read("""
            100001,A1,MUG,2,2011-01-10 10:00:00,5.00,12345,United Kingdom
            100002,A2,CUP,1,2011-02-10 10:00:00,4.00,12345,United Kingdom
            100003,A3,PLATE,1,2011-04-10 10:00:00,50.00,12345,United Kingdom
            C100004,A1,MUG,-2,2011-03-01 10:00:00,5.00,12345,United Kingdom
            C100005,A9,VASE,-1,2011-03-02 10:00:00,20.00,12345,United Kingdom
            C100006,A9,VASE,-1,2011-01-01 10:00:00,20.00,99999,United Kingdom
            """);

        var first = items.Single(i => i.Line == 5);
        Assert.Equal([("100002", 4.00m), ("100001", 6.00m)], first.Refunds.Select(r => (r.OrderId.Value, r.Request.Amount)));
        Assert.All(first.Refunds, r => Assert.Equal("C100004", r.Request.RefundId.Value));
        Assert.Equal(new DateTimeOffset(2011, 3, 1, 10, 0, 0, TimeSpan.Zero), first.Refunds[0].Request.RefundedAt);
        var second = items.Single(i => i.Line == 6);
        Assert.Equal([("100001", 4.00m)], second.Refunds.Select(r => (r.OrderId.Value, r.Request.Amount)));
        Assert.Contains(ImportNotes.ReturnsCut, second.Notes);
        Assert.Equal(SkipReasons.ReturnWithoutInvoice, items.Single(i => i.Line == 7).SkipReason);
    }

    [Fact]
    public void Read_RowsWithoutCustomerAndAdjustments_AreSkipped()
    {
        var items = Read("""
            536414,22139,,56,2010-12-01 11:52:00,0,NA,United Kingdom
            A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,11062.06,12345,United Kingdom
            536415,22139,,56,2010-12-01 11:52:00,0,,United Kingdom
            """);

        Assert.Equal([SkipReasons.NoCustomer, SkipReasons.AdjustmentInvoice, SkipReasons.NoCustomer], items.Select(i => i.SkipReason));
    }

    [Fact]
    public void Read_SubPennyPrices_TotalRoundedAndCountedPriceLeftOut()
    {
        var item = Assert.Single(Read("536500,PADS,PADS TO MATCH ALL CUSHIONS,1,2011-06-01 10:00:00,0.001,15618,United Kingdom\n"));

        Assert.Equal(0.00m, item.Purchase!.Total.Amount);
        Assert.Null(Assert.Single(item.Purchase.Lines).UnitPrice);
        Assert.Contains(ImportNotes.TotalsRounded, item.Notes);
    }

    [Fact]
    public void Read_CurrencyAsked_IsUsedInsteadOfGbp()
    {
        var item = Assert.Single(Read("536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n", "EUR"));

        Assert.Equal("EUR", item.Purchase!.Total.Currency.Code);
    }

    [Theory]
    [InlineData("536365,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850,United Kingdom", "Quantity", "must be a whole number (got 'six')")]
    [InlineData("536365,85123A,HEART,-6,2010-12-01 08:26:00,2.55,17850,United Kingdom", "Quantity", "must be more than zero on a sale")]
    [InlineData("536365,85123A,HEART,6,2010-12-01 08:26:00,cheap,17850,United Kingdom", "UnitPrice", "must be a number of zero or more")]
    [InlineData("536365,85123A,HEART,6,1st December,2.55,17850,United Kingdom", "InvoiceDate", "must be a date")]
    public void Read_BadLine_ProblemNamesLineAndColumnAndCoversTheInvoice(string row, string column, string reason)
    {
        var items = Read("536365,22633,HAND WARMER,6,2010-12-01 08:26:00,1.85,17850,United Kingdom\n" + row + "\n");

        var item = Assert.Single(items);
        Assert.Equal(2, item.Rows);
        Assert.Equal(3, item.Problem!.Line);
        Assert.Equal($"column \"{column}\"", item.Problem.Where);
        Assert.StartsWith(reason, item.Problem.Reason, StringComparison.Ordinal);
    }
}
