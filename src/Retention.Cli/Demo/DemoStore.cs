using System.Globalization;

namespace Retention.Cli.Demo;

/// <summary>
/// A seeded, realistic demo store: customers arrive over the last 18 months, most buy once, some come back with
/// gaps drawn per customer, a few orders are refunded or cancelled, and a few are test orders. The same seed and
/// month give the same requests, so loading it twice replays instead of doubling.
/// </summary>
internal static class DemoStore
{
    public sealed record DemoPurchase(
        string OrderId, string CustomerId, DateTimeOffset PurchasedAt, string Currency, decimal Total, string Email, string FirstName, string Locale,
        bool MarketingConsent, bool Test, IReadOnlyList<DemoLine> Items);

    public sealed record DemoLine(string Sku, int Quantity, decimal UnitPrice, string Category, string Name);

    public sealed record DemoRefund(string OrderId, string RefundId, decimal Amount, DateTimeOffset RefundedAt);

    public sealed record DemoStoreData(IReadOnlyList<DemoPurchase> Purchases, IReadOnlyList<DemoRefund> Refunds, IReadOnlyList<string> Cancellations);

    private static readonly (string Sku, string Category, decimal Price, string Name)[] Catalogue =
    [
        ("COF-HOUSE-250", "coffee", 9.50m, "House blend coffee 250 g"), ("COF-ESPR-500", "coffee", 16.00m, "Espresso beans 500 g"),
        ("COF-DECAF-250", "coffee", 10.50m, "Decaf coffee 250 g"), ("TEA-EARL-100", "tea", 7.25m, "Earl Grey tea 100 g"),
        ("TEA-GREEN-100", "tea", 6.75m, "Green tea 100 g"), ("FLT-PAPER-100", "filters", 4.90m, "Paper filters (100)"),
        ("MUG-STONE", "equipment", 14.00m, "Stoneware mug"), ("GRN-HAND", "equipment", 39.00m, "Hand grinder"),
        ("KET-GOOSE", "equipment", 59.00m, "Gooseneck kettle"),
    ];

    // Every language we have templates for, and one we do not (de-DE falls back to the store default).
    private static readonly string[] Locales = ["en-GB", "en-US", "en-IN", "hi-IN", "hi-IN", "gu-IN", "bn-IN", "fa-IR", "de-DE"];

    private static readonly Dictionary<string, string[]> FirstNames = new(StringComparer.Ordinal)
    {
        ["en"] = ["Olivia", "James", "Amelia", "Noah", "Priya", "Daniel"],
        ["hi"] = ["आशा", "राहुल", "सुनीता", "अमित", "नेहा", "विकास"],
        ["gu"] = ["હેતલ", "જયેશ", "નિશા", "કિરણ"],
        ["bn"] = ["সুমন", "রিয়া", "অনিক", "তানিয়া"],
        ["fa"] = ["سارا", "علی", "مریم", "رضا"],
        ["de"] = ["Anna", "Lukas", "Sophie", "Jonas"],
    };

    /// <param name="today">The store's today; purchases end the day before.</param>
    public static DemoStoreData Generate(int customers, DateOnly today, string currency = "USD", int seed = 2026)
    {
        var random = new Random(seed);
        var start = today.AddMonths(-18);
        var prefix = "demo-" + today.ToString("yyyyMM", CultureInfo.InvariantCulture);
        var purchases = new List<DemoPurchase>();
        var refunds = new List<DemoRefund>();
        var cancellations = new List<string>();
        var span = today.DayNumber - start.DayNumber;
        for (var c = 0; c < customers; c++)
        {
            var customerId = $"{prefix}-c{c:D4}";
            // Arrivals grow over time, as a young store's do.
            var firstDay = start.AddDays((int)(span * Math.Sqrt(random.NextDouble())));
            var loyalty = random.NextDouble();
            var meanGap = 20 + random.Next(60);
            var locale = Locales[random.Next(Locales.Length)];
            var consent = random.NextDouble() < 0.7;
            var day = firstDay;
            for (var n = 0; day < today; n++)
            {
                var orderId = $"{prefix}-o{c:D4}-{n:D2}";
                var items = Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
                {
                    var (sku, category, price, name) = Catalogue[random.Next(Catalogue.Length)];
                    return new DemoLine(sku, 1 + random.Next(2), price, category, name);
                }).ToList();
                var total = items.Sum(i => i.UnitPrice * i.Quantity) + 3.95m;
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + random.Next(14), random.Next(60))), TimeSpan.Zero);
                var test = random.NextDouble() < 0.01;
                purchases.Add(new DemoPurchase(orderId, customerId, at, currency, total, $"customer{c:D4}@example.com", FirstName(locale, c), locale, consent, test, items));
                var fate = random.NextDouble();
                if (fate < 0.03)
                {
                    cancellations.Add(orderId);
                }
                else if (fate < 0.08)
                {
                    var full = random.NextDouble() < 0.4;
                    refunds.Add(new DemoRefund(orderId, orderId + "-r1", full ? total : Math.Round(total / 3, 2), at.AddDays(3)));
                }
                // Each further order is less likely; loyal customers keep coming back.
                if (random.NextDouble() > 0.25 + 0.6 * loyalty - 0.03 * n)
                {
                    break;
                }
                day = day.AddDays(Math.Max(3, (int)(-meanGap * Math.Log(1 - random.NextDouble()))));
            }
        }
        purchases.RemoveAll(p => DateOnly.FromDateTime(p.PurchasedAt.UtcDateTime) >= today);
        var known = purchases.Select(p => p.OrderId).ToHashSet();
        refunds.RemoveAll(r => !known.Contains(r.OrderId) || DateOnly.FromDateTime(r.RefundedAt.UtcDateTime) >= today);
        cancellations.RemoveAll(o => !known.Contains(o));
        return new DemoStoreData(purchases, refunds, cancellations);
    }

    /// <summary>Chosen by customer number, not drawn, so that adding names does not change the store's random history.</summary>
    private static string FirstName(string locale, int customer)
    {
        var names = FirstNames[locale[..2]];
        return names[customer % names.Length];
    }
}
