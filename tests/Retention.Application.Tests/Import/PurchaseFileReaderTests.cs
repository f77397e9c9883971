using Retention.Application.Import;
using Retention.Domain.Amounts;
using Retention.Domain.Calendar;

namespace Retention.Application.Tests.Import;

public sealed class PurchaseFileReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static List<ImportRow> Read(string text, string zone = "UTC") =>
        [.. new PurchaseFileReader(new StoreCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone)), CurrencyCode.Parse("EUR"), Now).Read(new StringReader(text))];

    [Theory]
    [InlineData("CustomerID,InvoiceDate\n17850,2010-12-01\n")]
    [InlineData("customer_id;date;amount\n17850;2010-12-01;0\n")]
    [InlineData("Customer\tCreated_At\n17850\t2010-12-01\n")]
    [InlineData("\uFEFFcustomerId,purchasedAt\n17850,2010-12-01T00:00:00Z\n")]
    [InlineData("customerId,purchasedAt\r\n17850,2010-12-01T00:00:00Z\r\n")]
    public void Read_HeaderAliasesAndDelimiters_FindCustomerAndDate(string text)
    {
        var row = Assert.Single(Read(text));

        Assert.NotNull(row.Purchase);
        Assert.Equal("17850", row.Purchase.CustomerId.Value);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 0, 0, 0, TimeSpan.Zero), row.Purchase.PurchasedAt);
        Assert.Equal("EUR", row.Purchase.Total.Currency.Code);
    }

    [Fact]
    public void Read_RowsWithoutCustomer_AreSkippedNotErrors()
    {
        var rows = Read("CustomerID,InvoiceDate\nNA,2010-12-01\n,2010-12-01\n12583,2010-12-01\n");

        Assert.Equal([true, true, false], rows.Select(r => r.Skipped));
        Assert.All(rows, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Read_CdnowSampleAndMasterLayouts_BothRecognised()
    {
        var sample = Read(" 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n");
        var master = Read(" customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n");

        Assert.Equal([29.33m, 29.73m], sample.Select(r => r.Purchase!.Total.Amount));
        Assert.Equal("00004", sample[0].Purchase!.CustomerId.Value);
        Assert.Equal(new DateTimeOffset(1997, 1, 18, 0, 0, 0, TimeSpan.Zero), sample[1].Purchase!.PurchasedAt);
        var row = Assert.Single(master);
        Assert.Equal(2, row.Line);
        Assert.Equal(11.77m, row.Purchase!.Total.Amount);
    }

    [Fact]
    public void Read_NoOrderId_StableIdsAndIdenticalRowsStayDistinct()
    {
        const string text = "customer,date,total\nC1,2024-02-29,10\nC1,2024-02-29,10\nC2,2024-02-29,10\n";

        var first = Read(text).Select(r => r.Purchase!.OrderId.Value).ToList();
        var second = Read(text).Select(r => r.Purchase!.OrderId.Value).ToList();

        Assert.Equal(first, second);
        Assert.Equal(3, first.Distinct().Count());
        Assert.All(first, id => Assert.StartsWith("imp-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OrderIdCurrencyAndQuotedFields_AreTaken()
    {
        var row = Assert.Single(Read("InvoiceNo,CustomerID,InvoiceDate,Total,Currency\n\"536,365\",\"17850\",2010-12-01 08:26:00,\"15.30\",GBP\n"));

        Assert.Equal("536,365", row.Purchase!.OrderId.Value);
        Assert.Equal(new Money(15.30m, CurrencyCode.Parse("GBP")), row.Purchase.Total);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), row.Purchase.PurchasedAt);
    }

    [Fact]
    public void Read_QuotedFieldWithLineBreak_IsOneRowAndLaterLinesKeepTheirNumbers()
    {
        var rows = Read("orderId,customer,date,total\n\"A\nB\",C1,2010-12-01,5\nX,C2,2010-12-01,oops\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(4, rows[1].Line);
        Assert.Equal("total", rows[1].Column);
    }

    [Fact]
    public void Read_LocalTimesWithoutOffset_AreInTheStoreZone()
    {
        var row = Assert.Single(Read("customer,date\nC1,2026-07-01 00:30:00\n", "Europe/Berlin"));

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 30, 0, TimeSpan.FromHours(2)), row.Purchase!.PurchasedAt);
    }

    [Theory]
    [InlineData("customer,date,total\nC1,yesterday,10\n", "date")]
    [InlineData("customer,date,Total\nC1,2010-12-01,ten\n", "Total")]
    [InlineData("customer,date,total\nC1,2010-12-01,-5\n", "total")]
    [InlineData("customer,date,total,currency\nC1,2010-12-01,5,euro\n", "currency")]
    [InlineData("customer,date\nC1,2999-01-01\n", "date")]
    [InlineData("customer,date,total,currency\nC1,2010-12-01,5.5,JPY\n", "total")]
    public void Read_BadRow_IsAnErrorNamingTheColumnAndLine(string text, string column)
    {
        var row = Assert.Single(Read(text));

        Assert.Null(row.Purchase);
        Assert.False(row.Skipped);
        Assert.Equal(2, row.Line);
        Assert.Equal(column, row.Column);
        Assert.StartsWith($"column \"{column}\": ", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadItems_BadRow_ProblemSaysLineAndColumn()
    {
        var item = Assert.Single(Readers.Read(ImportFormat.PurchasesCsv, "customer,date,Total\nC1,2010-12-01,ten\n"));

        Assert.Equal("line 2, column \"Total\": must be a number such as 12.50 (got 'ten')", item.Problem!.ToString());
    }

    [Fact]
    public void Read_HeaderWithoutCustomerColumn_FailsNamingTheAliases()
    {
        var error = Assert.Throws<FormatException>(() => Read("buyer,date\nC1,2010-12-01\n"));

        Assert.Contains("customer_id", error.Message, StringComparison.Ordinal);
    }
}
