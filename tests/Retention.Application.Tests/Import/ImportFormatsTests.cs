using Retention.Application.Import;

namespace Retention.Application.Tests.Import;

public sealed class ImportFormatsTests
{
    [Theory]
    [InlineData("Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name", ImportFormat.ShopifyCsv)]
    [InlineData("\uFEFFName;Email;Financial Status;Paid at;Total;Lineitem quantity", ImportFormat.ShopifyCsv)]
    [InlineData("[", ImportFormat.WooCommerceJson)]
    [InlineData("  [{\"id\": 727,", ImportFormat.WooCommerceJson)]
    [InlineData("{\"id\": 727,", ImportFormat.WooCommerceJson)]
    [InlineData("\"InvoiceNo\",\"StockCode\",\"Description\",\"Quantity\",\"InvoiceDate\",\"UnitPrice\",\"CustomerID\",\"Country\"", ImportFormat.OnlineRetail)]
    [InlineData("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country", ImportFormat.OnlineRetail)]
    [InlineData("CustomerID,InvoiceDate", ImportFormat.PurchasesCsv)]
    [InlineData("orderId;customerId;purchasedAt;total", ImportFormat.PurchasesCsv)]
    [InlineData(" 00004 0001 19970101  2   29.33", ImportFormat.Cdnow)]
    [InlineData(" customer_id  date number_of_cds  dollar_value", ImportFormat.Cdnow)]
    public void Detect_FirstLine_TellsTheFormat(string firstLine, ImportFormat expected)
    {
        Assert.Equal(expected, ImportFormats.Detect(firstLine));
    }

    [Theory]
    [InlineData("shopify-csv", ImportFormat.ShopifyCsv)]
    [InlineData("WooCommerce-JSON", ImportFormat.WooCommerceJson)]
    [InlineData("online-retail", ImportFormat.OnlineRetail)]
    [InlineData("auto", ImportFormat.Auto)]
    public void TryParse_Name_GivesTheFormatAndBack(string name, ImportFormat expected)
    {
        Assert.True(ImportFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.Equal(name.ToLowerInvariant(), ImportFormats.NameOf(format));
    }

    [Theory]
    [InlineData("datasets", "cdnow", "CDNOW_sample.txt", ImportFormat.Cdnow)]
    [InlineData("datasets", "cdnow", "CDNOW_master.txt", ImportFormat.Cdnow)]
    [InlineData("datasets", "online-retail", "online_cohorts.csv", ImportFormat.PurchasesCsv)]
    [InlineData("datasets", "online-retail", "online_retail_lines_sample_20k.csv", ImportFormat.OnlineRetail)]
    [InlineData("datasets", "woocommerce", "orders_list.json", ImportFormat.WooCommerceJson)]
    [InlineData("datasets", "woocommerce", "order_727.json", ImportFormat.WooCommerceJson)]
    [InlineData("fixtures", "", "shopify_orders_export.csv", ImportFormat.ShopifyCsv)]
    public void Detect_RealFiles_TellsTheFormat(string where, string folder, string file, ImportFormat expected)
    {
        var path = where == "fixtures" ? TestFiles.Fixture(file) : TestFiles.Dataset(folder, file);

        Assert.Equal(expected, ImportFormats.Detect(File.ReadLines(path).First(l => l.Trim().Length > 0)));
    }
}
