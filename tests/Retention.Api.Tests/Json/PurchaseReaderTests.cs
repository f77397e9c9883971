using Retention.Api.Tests.Support;
using Retention.Domain.Purchases;

namespace Retention.Api.Tests.Json;

public sealed class PurchaseReaderTests
{
    private const string NotADecimal = "must be a number such as 12.50, or a string holding one (no exponent)";
    private const string OutOfRange = "is out of range for a decimal amount";
    private const string NotAnInstant = "must be an ISO 8601 date and time with an offset, such as 2026-11-24T10:15:00Z or 2026-11-24T11:15:00+01:00";

    [Fact]
    public void Read_FullValidPurchase_ReadsEveryField()
    {
        const string json = """
            {
              "orderId": "order-1",
              "customerId": "customer-1",
              "purchasedAt": "2024-02-29T10:00:00+01:00",
              "currency": "EUR",
              "total": "12.50",
              "email": "Ana@Example.COM",
              "locale": "pt-br",
              "marketingConsent": true,
              "test": false,
              "items": [
                { "sku": "SKU-1", "quantity": 2, "unitPrice": 5.25, "category": "coffee" },
                { "sku": "SKU-2", "quantity": 1, "unitPrice": "2.00" },
                { "sku": "SKU-3", "quantity": 3, "unitPrice": null, "category": null }
              ],
              "discountCodes": ["WELCOME", "SPRING"]
            }
            """;

        var (purchase, errors) = Read.Purchase(json);

        Assert.Empty(errors);
        Assert.NotNull(purchase);
        Assert.Equal("order-1", purchase.OrderId.Value);
        Assert.Equal("customer-1", purchase.CustomerId.Value);
        Assert.Equal(Read.At("2024-02-29T09:00:00Z"), purchase.PurchasedAt);
        Assert.Equal(TimeSpan.FromHours(1), purchase.PurchasedAt.Offset);
        Assert.Equal("12.50 EUR", purchase.Total.ToString());
        Assert.Equal("Ana@example.com", purchase.Email?.Value);
        Assert.Equal("pt-BR", purchase.Locale?.Value);
        Assert.True(purchase.MarketingConsent);
        Assert.False(purchase.IsTest);
        Assert.Equal(
            [new PurchaseLine("SKU-1", 2, 5.25m, "coffee"), new PurchaseLine("SKU-2", 1, 2.00m, null), new PurchaseLine("SKU-3", 3, null, null)],
            purchase.Lines.ToArray());
        Assert.Equal(["WELCOME", "SPRING"], purchase.DiscountCodes.ToArray());
    }

    [Fact]
    public void Read_OnlyRequiredFields_OptionalFieldsEmpty()
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("total", "0"));

        Assert.Empty(errors);
        Assert.NotNull(purchase);
        Assert.Null(purchase.Email);
        Assert.Null(purchase.Locale);
        Assert.Null(purchase.MarketingConsent);
        Assert.False(purchase.IsTest);
        Assert.Empty(purchase.Lines);
        Assert.Empty(purchase.DiscountCodes);
        Assert.Equal("0.00 EUR", purchase.Total.ToString());
    }

    [Fact]
    public void Read_EmptyObject_ReportsEveryRequiredField()
    {
        var (purchase, errors) = Read.Purchase("{}");

        Assert.Null(purchase);
        Assert.Equal(["$.currency", "$.customerId", "$.orderId", "$.purchasedAt", "$.total"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors.Values, reasons => Assert.Equal(["is required"], reasons));
    }

    [Fact]
    public void Read_RequiredFieldsNull_TreatedAsMissing()
    {
        var (purchase, errors) = Read.Purchase("""{"orderId":null,"customerId":null,"purchasedAt":null,"currency":null,"total":null}""");

        Assert.Null(purchase);
        Assert.Equal(5, errors.Count);
        Assert.All(errors.Values, reasons => Assert.Equal(["is required"], reasons));
    }

    [Fact]
    public void Read_ManyInvalidFields_ListsEveryOneByItsPath()
    {
        const string json = """
            {
              "orderId": "",
              "customerId": " customer-1",
              "purchasedAt": "2024-02-29T10:00:00",
              "currency": "eur",
              "total": "1e3",
              "email": "nope",
              "locale": "en_GB",
              "marketingConsent": "yes",
              "test": 1,
              "items": [
                { "sku": "SKU-1", "quantity": 1 },
                { "sku": "SKU-2", "quantity": 2 },
                { "sku": "SKU-3", "quantity": 0 },
                { "quantity": 1, "unitPrice": "abc", "category": "" }
              ],
              "discountCodes": [5, "", "OK"]
            }
            """;

        var (purchase, errors) = Read.Purchase(json);

        Assert.Null(purchase);
        var expected = new Dictionary<string, string[]>
        {
            ["$.orderId"] = ["is required and must not be empty"],
            ["$.customerId"] = ["must not start or end with white space"],
            ["$.purchasedAt"] = [NotAnInstant],
            ["$.currency"] = ["must be three upper-case letters (ISO 4217), such as EUR"],
            ["$.total"] = [NotADecimal],
            ["$.email"] = ["must be an email address such as name@example.com"],
            ["$.locale"] = ["must be a BCP 47 language tag with hyphens, such as en-GB"],
            ["$.marketingConsent"] = ["must be true or false"],
            ["$.test"] = ["must be true or false"],
            ["$.items[2].quantity"] = ["must be a whole number from 1 to 100000"],
            ["$.items[3].sku"] = ["is required"],
            ["$.items[3].unitPrice"] = [NotADecimal],
            ["$.items[3].category"] = ["must not be empty"],
            ["$.discountCodes[0]"] = ["must be a string"],
            ["$.discountCodes[1]"] = ["must not be empty"],
        };
        Assert.Equal(expected, errors);
    }

    [Fact]
    public void Read_InsideABatch_PathsStartAtTheItem()
    {
        var json = Read.PurchaseWith("items", """[{"sku":"SKU-1","quantity":1},{"sku":"","quantity":1}]""");

        var (purchase, errors) = Read.Purchase(json, "$.purchases[7]");

        Assert.Null(purchase);
        Assert.Equal(["$.purchases[7].items[1].sku"], errors.Keys.ToArray());
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("\"order-1\"", "$")]
    [InlineData("null", "$")]
    [InlineData("42", "$.purchases[3]")]
    public void Read_NotAnObject_ReportsThePathItself(string json, string path)
    {
        var (purchase, errors) = Read.Purchase(json, path);

        Assert.Null(purchase);
        Assert.Equal(new Dictionary<string, string[]> { [path] = ["must be a JSON object"] }, errors);
    }

    [Theory]
    [InlineData("12.5", "12.50")]
    [InlineData("\"12.50\"", "12.50")]
    [InlineData("\"12.5\"", "12.50")]
    [InlineData("\"0\"", "0.00")]
    [InlineData("0", "0.00")]
    [InlineData("1e3", "1000.00")]
    [InlineData("1.5E1", "15.00")]
    [InlineData("\"999999999999.99\"", "999999999999.99")]
    [InlineData("12.500000", "12.50")]
    public void Read_TotalAsNumberOrPlainDecimalString_Accepted(string rawTotal, string formatted)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("total", rawTotal));

        Assert.Empty(errors);
        Assert.Equal(formatted, purchase?.Total.FormatAmount());
    }

    [Theory]
    [InlineData("\"1e3\"", NotADecimal)]
    [InlineData("\"1E3\"", NotADecimal)]
    [InlineData("\"12.5e0\"", NotADecimal)]
    [InlineData("1e400", OutOfRange)]
    [InlineData("-1e400", OutOfRange)]
    [InlineData("79228162514264337593543950336", OutOfRange)]
    [InlineData("\"79228162514264337593543950336\"", NotADecimal)]
    [InlineData("\"\"", NotADecimal)]
    [InlineData("\" 12.50\"", NotADecimal)]
    [InlineData("\"12.50 \"", NotADecimal)]
    [InlineData("\"12.50\\n\"", NotADecimal)]
    [InlineData("\"12,50\"", NotADecimal)]
    [InlineData("\"1,250.00\"", NotADecimal)]
    [InlineData("\"12.\"", NotADecimal)]
    [InlineData("\".5\"", NotADecimal)]
    [InlineData("\"+12.50\"", NotADecimal)]
    [InlineData("\"0x10\"", NotADecimal)]
    [InlineData("\"NaN\"", NotADecimal)]
    [InlineData("\"Infinity\"", NotADecimal)]
    [InlineData("\"€12.50\"", NotADecimal)]
    [InlineData("true", "must be a number")]
    [InlineData("{}", "must be a number")]
    [InlineData("[12.5]", "must be a number")]
    [InlineData("-0.01", "must be zero or more")]
    [InlineData("\"-12.50\"", "must be zero or more")]
    [InlineData("\"12.505\"", "has more decimal places than EUR allows (2)")]
    [InlineData("1000000000000", "must be at most 999999999999.9999")]
    public void Read_InvalidTotal_ReportsTheTotal(string rawTotal, string reason)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("total", rawTotal));

        Assert.Null(purchase);
        Assert.Equal(new Dictionary<string, string[]> { ["$.total"] = [reason] }, errors);
    }

    [Theory]
    [InlineData("\"10\"", "10")]
    [InlineData("\"10.00\"", "10")]
    [InlineData("10.0", "10")]
    public void Read_JpyTotalWithTrailingZeros_Accepted(string rawTotal, string formatted)
    {
        var json = Read.PurchaseWith("currency", "\"JPY\"").Replace("\"total\":\"12.50\"", "\"total\":" + rawTotal, StringComparison.Ordinal);

        var (purchase, errors) = Read.Purchase(json);

        Assert.Empty(errors);
        Assert.Equal(formatted + " JPY", purchase?.Total.ToString());
    }

    [Fact]
    public void Read_JpyTotalWithFraction_Rejected()
    {
        var json = Read.PurchaseWith("currency", "\"JPY\"").Replace("\"total\":\"12.50\"", "\"total\":\"10.5\"", StringComparison.Ordinal);

        var (_, errors) = Read.Purchase(json);

        Assert.Equal(new Dictionary<string, string[]> { ["$.total"] = ["has more decimal places than JPY allows (0)"] }, errors);
    }

    [Theory]
    [InlineData("2024-02-29T10:00:00+01:00", "2024-02-29T09:00:00Z", 60)]
    [InlineData("2024-02-29T09:00:00Z", "2024-02-29T09:00:00Z", 0)]
    [InlineData("2024-02-29T09:00:00z", "2024-02-29T09:00:00Z", 0)]
    [InlineData("2024-02-29T09:00Z", "2024-02-29T09:00:00Z", 0)]
    [InlineData("2024-02-29T14:30:00.1234567+05:30", "2024-02-29T09:00:00.1234567Z", 330)]
    [InlineData("2024-02-28T23:00:00-10:00", "2024-02-29T09:00:00Z", -600)]
    [InlineData("2024-01-31T23:59:59-12:00", "2024-02-01T11:59:59Z", -720)]
    [InlineData("2024-03-01T12:05:00Z", "2024-03-01T12:05:00Z", 0)]
    [InlineData("1990-01-01T00:00:00Z", "1990-01-01T00:00:00Z", 0)]
    public void Read_PurchasedAtWithOffset_KeepsInstantAndOffset(string purchasedAt, string instant, int offsetMinutes)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("purchasedAt", $"\"{purchasedAt}\""));

        Assert.Empty(errors);
        Assert.NotNull(purchase);
        Assert.Equal(Read.At(instant), purchase.PurchasedAt);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), purchase.PurchasedAt.Offset);
    }

    [Theory]
    [InlineData("\"2024-02-29T10:00:00\"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00.000\"", NotAnInstant)]
    [InlineData("\"2024-02-29\"", NotAnInstant)]
    [InlineData("\"2024-02-29 10:00:00Z\"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00+0100\"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00+01\"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00.12345678Z\"", NotAnInstant)]
    [InlineData("\"2023-02-29T10:00:00Z\"", NotAnInstant)]
    [InlineData("\"2024-02-30T10:00:00Z\"", NotAnInstant)]
    [InlineData("\"2024-04-31T10:00:00Z\"", NotAnInstant)]
    [InlineData("\"2024-02-29T24:00:00Z\"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00+15:00\"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00Z \"", NotAnInstant)]
    [InlineData("\"2024-02-29T10:00:00Z\\n\"", NotAnInstant)]
    [InlineData("\"29/02/2024 10:00:00 +01:00\"", NotAnInstant)]
    [InlineData("\"\"", NotAnInstant)]
    [InlineData("1709197200", "must be a string")]
    [InlineData("\"2024-03-01T12:05:00.0000001Z\"", "must not be more than 5 minutes in the future")]
    [InlineData("\"2024-03-01T13:05:01+01:00\"", "must not be more than 5 minutes in the future")]
    [InlineData("\"1989-12-31T23:59:59Z\"", "must not be before 1990-01-01")]
    [InlineData("\"1990-01-01T00:30:00+01:00\"", "must not be before 1990-01-01")]
    public void Read_InvalidPurchasedAt_ReportsPurchasedAt(string rawValue, string reason)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("purchasedAt", rawValue));

        Assert.Null(purchase);
        Assert.Equal(new Dictionary<string, string[]> { ["$.purchasedAt"] = [reason] }, errors);
    }

    [Theory]
    [InlineData("orderId", "42", "must be a string")]
    [InlineData("orderId", "\"\"", "is required and must not be empty")]
    [InlineData("customerId", "[\"c\"]", "must be a string")]
    [InlineData("currency", "\"XXX\"", "'XXX' is not an active ISO 4217 currency code")]
    [InlineData("currency", "\"HRK\"", "'HRK' is not an active ISO 4217 currency code")]
    [InlineData("email", "\"\"", "must not be empty (leave the field out instead)")]
    [InlineData("email", "\"a@b\"", "must be an email address such as name@example.com")]
    [InlineData("email", "false", "must be a string")]
    [InlineData("locale", "\"en--GB\"", "must be a BCP 47 language tag such as en, en-GB or pt-BR")]
    [InlineData("marketingConsent", "\"true\"", "must be true or false")]
    [InlineData("marketingConsent", "1", "must be true or false")]
    [InlineData("test", "\"false\"", "must be true or false")]
    [InlineData("items", "{}", "must be an array")]
    [InlineData("items", "\"SKU-1\"", "must be an array")]
    [InlineData("discountCodes", "\"WELCOME\"", "must be an array")]
    public void Read_FieldOfTheWrongKindOrValue_ReportsThatField(string field, string rawValue, string reason)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith(field, rawValue));

        Assert.Null(purchase);
        Assert.Equal(new Dictionary<string, string[]> { ["$." + field] = [reason] }, errors);
    }

    [Fact]
    public void Read_OrderIdOf129Characters_Rejected()
    {
        var (_, errors) = Read.Purchase(Read.PurchaseWith("orderId", $"\"{new string('o', 129)}\""));

        Assert.Equal(new Dictionary<string, string[]> { ["$.orderId"] = ["must be at most 128 characters (got 129)"] }, errors);
    }

    [Fact]
    public void Read_OrderIdOf128Characters_Accepted()
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("orderId", $"\"{new string('o', 128)}\""));

        Assert.Empty(errors);
        Assert.Equal(128, purchase?.OrderId.Value.Length);
    }

    [Fact]
    public void Read_OrderIdWithEscapedControlCharacter_Rejected()
    {
        var (_, errors) = Read.Purchase(Read.PurchaseWith("orderId", "\"order\\u00001\""));

        Assert.Equal(new Dictionary<string, string[]> { ["$.orderId"] = ["must not contain control characters"] }, errors);
    }

    [Fact]
    public void Read_TestTrueAndConsentFalse_Read()
    {
        var json = Read.PurchaseWith("test", "true").Replace("}", ",\"marketingConsent\":false}", StringComparison.Ordinal);

        var (purchase, errors) = Read.Purchase(json);

        Assert.Empty(errors);
        Assert.True(purchase?.IsTest);
        Assert.False(purchase?.MarketingConsent);
    }

    [Fact]
    public void Read_NullOptionalFields_TreatedAsLeftOut()
    {
        var json = Read.PurchaseWith("email", "null")
            .Replace("}", ",\"locale\":null,\"marketingConsent\":null,\"test\":null,\"items\":null,\"discountCodes\":null}", StringComparison.Ordinal);

        var (purchase, errors) = Read.Purchase(json);

        Assert.Empty(errors);
        Assert.NotNull(purchase);
        Assert.Null(purchase.Email);
        Assert.Null(purchase.MarketingConsent);
        Assert.False(purchase.IsTest);
        Assert.Empty(purchase.Lines);
    }

    [Theory]
    [InlineData("{\"sku\":\"S\",\"quantity\":\"2\"}", "$.items[0].quantity", "must be a whole number")]
    [InlineData("{\"sku\":\"S\",\"quantity\":2.5}", "$.items[0].quantity", "must be a whole number")]
    [InlineData("{\"sku\":\"S\",\"quantity\":1e30}", "$.items[0].quantity", "must be a whole number")]
    [InlineData("{\"sku\":\"S\",\"quantity\":0}", "$.items[0].quantity", "must be a whole number from 1 to 100000")]
    [InlineData("{\"sku\":\"S\",\"quantity\":-1}", "$.items[0].quantity", "must be a whole number from 1 to 100000")]
    [InlineData("{\"sku\":\"S\",\"quantity\":100001}", "$.items[0].quantity", "must be a whole number from 1 to 100000")]
    [InlineData("{\"sku\":\"S\",\"quantity\":9999999999999}", "$.items[0].quantity", "must be a whole number from 1 to 100000")]
    [InlineData("{\"sku\":\"S\"}", "$.items[0].quantity", "is required")]
    [InlineData("{\"quantity\":1}", "$.items[0].sku", "is required")]
    [InlineData("{\"sku\":7,\"quantity\":1}", "$.items[0].sku", "must be a string")]
    [InlineData("{\"sku\":\"\",\"quantity\":1}", "$.items[0].sku", "must not be empty")]
    [InlineData("{\"sku\":\"S\\t1\",\"quantity\":1}", "$.items[0].sku", "must not contain control characters")]
    [InlineData("{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":5.255}", "$.items[0].unitPrice", "has more decimal places than EUR allows (2)")]
    [InlineData("{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":-1}", "$.items[0].unitPrice", "must be zero or more")]
    [InlineData("{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":\"5e0\"}", "$.items[0].unitPrice", NotADecimal)]
    [InlineData("{\"sku\":\"S\",\"quantity\":1,\"category\":\"\"}", "$.items[0].category", "must not be empty")]
    [InlineData("{\"sku\":\"S\",\"quantity\":1,\"category\":true}", "$.items[0].category", "must be a string")]
    [InlineData("\"SKU-1\"", "$.items[0]", "must be a JSON object")]
    [InlineData("null", "$.items[0]", "must be a JSON object")]
    public void Read_InvalidLine_ReportsTheLineField(string line, string path, string reason)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("items", $"[{line}]"));

        Assert.Null(purchase);
        Assert.Equal(new Dictionary<string, string[]> { [path] = [reason] }, errors);
    }

    [Fact]
    public void Read_QuantityAtTheUpperBound_Accepted()
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("items", "[{\"sku\":\"S\",\"quantity\":100000}]"));

        Assert.Empty(errors);
        Assert.Equal(100_000, Assert.Single(purchase!.Lines).Quantity);
    }

    [Fact]
    public void Read_SkuOf129Characters_Rejected()
    {
        var (_, errors) = Read.Purchase(Read.PurchaseWith("items", $"[{{\"sku\":\"{new string('s', 129)}\",\"quantity\":1}}]"));

        Assert.Equal(new Dictionary<string, string[]> { ["$.items[0].sku"] = ["must be at most 128 characters"] }, errors);
    }

    [Fact]
    public void Read_UnitPriceWithInvalidCurrency_ReportsOnlyTheCurrency()
    {
        var json = Read.PurchaseWith("currency", "\"ABC\"").Replace("}", ",\"items\":[{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":1.234}]}", StringComparison.Ordinal);

        var (_, errors) = Read.Purchase(json);

        Assert.Equal(["$.currency"], errors.Keys.ToArray());
    }

    [Fact]
    public void Read_250Items_Accepted()
    {
        var items = "[" + string.Join(",", Enumerable.Range(1, 250).Select(i => $"{{\"sku\":\"S{i}\",\"quantity\":1}}")) + "]";

        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("items", items));

        Assert.Empty(errors);
        Assert.Equal(250, purchase?.Lines.Length);
    }

    [Fact]
    public void Read_251Items_Rejected()
    {
        var items = "[" + string.Join(",", Enumerable.Range(1, 251).Select(i => $"{{\"sku\":\"S{i}\",\"quantity\":1}}")) + "]";

        var (_, errors) = Read.Purchase(Read.PurchaseWith("items", items));

        Assert.Equal(new Dictionary<string, string[]> { ["$.items"] = ["must have at most 250 entries"] }, errors);
    }

    [Fact]
    public void Read_50DiscountCodes_Accepted()
    {
        var codes = "[" + string.Join(",", Enumerable.Range(1, 50).Select(i => $"\"CODE{i}\"")) + "]";

        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("discountCodes", codes));

        Assert.Empty(errors);
        Assert.Equal(50, purchase?.DiscountCodes.Length);
    }

    [Fact]
    public void Read_51DiscountCodes_Rejected()
    {
        var codes = "[" + string.Join(",", Enumerable.Range(1, 51).Select(i => $"\"CODE{i}\"")) + "]";

        var (_, errors) = Read.Purchase(Read.PurchaseWith("discountCodes", codes));

        Assert.Equal(new Dictionary<string, string[]> { ["$.discountCodes"] = ["must have at most 50 entries"] }, errors);
    }

    [Theory]
    [InlineData("[5]", "$.discountCodes[0]", "must be a string")]
    [InlineData("[null]", "$.discountCodes[0]", "must be a string")]
    [InlineData("[\"A\",\"\"]", "$.discountCodes[1]", "must not be empty")]
    [InlineData("[\"A\",\"B\",\"C\\u0001\"]", "$.discountCodes[2]", "must not contain control characters")]
    public void Read_InvalidDiscountCode_ReportsItsIndex(string codes, string path, string reason)
    {
        var (purchase, errors) = Read.Purchase(Read.PurchaseWith("discountCodes", codes));

        Assert.Null(purchase);
        Assert.Equal(new Dictionary<string, string[]> { [path] = [reason] }, errors);
    }

    [Fact]
    public void Read_UnknownFields_Ignored()
    {
        var json = Read.PurchaseWith("shippingAddress", "{\"city\":\"Lisbon\"}");

        var (purchase, errors) = Read.Purchase(json);

        Assert.Empty(errors);
        Assert.NotNull(purchase);
    }

    [Fact]
    public void Read_SameBodyWithOtherWhiteSpaceKeyOrderAndOffset_SameFingerprint()
    {
        var a = Read.Purchase("""{"orderId":"o-1","customerId":"c-1","purchasedAt":"2024-02-29T10:00:00+01:00","currency":"EUR","total":"10.5"}""").Purchase;
        var b = Read.Purchase("""
            { "total": 10.50, "currency": "EUR",
              "purchasedAt": "2024-02-29T09:00:00Z", "customerId": "c-1", "orderId": "o-1" }
            """).Purchase;

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(a.Fingerprint(), b.Fingerprint());
    }
}
