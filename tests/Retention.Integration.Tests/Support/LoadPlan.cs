using System.Globalization;
using System.Text.Json;

namespace Retention.Integration.Tests.Support;

/// <summary>
/// A deterministic load: distinct purchases spread over customers, plus exact retries of some and conflicting
/// replays (same order id, total + 1.00) of others, in shuffled order. Everything the test later expects in storage
/// is computed from this plan and the answers the server gave, never from what the server stored.
/// </summary>
internal sealed class LoadPlan
{
    private LoadPlan(IReadOnlyList<PlannedOrder> orders, IReadOnlyList<PlannedRequest> requests)
    {
        Orders = orders;
        Requests = requests;
    }

    public IReadOnlyList<PlannedOrder> Orders { get; }

    /// <summary>In the order they are sent.</summary>
    public IReadOnlyList<PlannedRequest> Requests { get; }

    public static LoadPlan Create(int orderCount, int customerCount, double retryShare, double conflictShare, int seed, string idPrefix)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var orders = new List<PlannedOrder>(orderCount);
        for (var i = 0; i < orderCount; i++)
        {
            var customer = $"{idPrefix}-c{random.Next(customerCount):D5}";
            var offset = TimeSpan.FromHours(random.Next(-8, 10));
            var at = start.AddMinutes(random.Next(0, 600 * 24 * 60)).ToOffset(offset);
            var total = random.Next(0, 500_000) / 100m;
            orders.Add(new PlannedOrder(i, $"{idPrefix}-o{i:D6}", customer, at, total, total + 1.00m, random.Next(1, 4)));
        }

        var requests = new List<PlannedRequest>(orderCount * 2);
        requests.AddRange(orders.Select(o => new PlannedRequest(o.Index, Conflicting: false, Body(o, o.Total))));
        foreach (var index in Pick(random, orderCount, (int)(orderCount * retryShare)))
        {
            requests.Add(new PlannedRequest(index, Conflicting: false, requests[index].Body));
        }
        foreach (var index in Pick(random, orderCount, (int)(orderCount * conflictShare)))
        {
            requests.Add(new PlannedRequest(index, Conflicting: true, Body(orders[index], orders[index].ConflictTotal)));
        }
        for (var i = requests.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (requests[i], requests[j]) = (requests[j], requests[i]);
        }
        return new LoadPlan(orders, requests);
    }

    private static int[] Pick(Random random, int count, int picks) =>
        Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(picks).ToArray();

    private static string Body(PlannedOrder order, decimal total) => JsonSerializer.Serialize(new
    {
        orderId = order.OrderId,
        customerId = order.CustomerId,
        purchasedAt = order.PurchasedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        currency = "EUR",
        total,
        email = $"{order.CustomerId}@example.com",
        locale = "en-GB",
        marketingConsent = order.Index % 3 == 0,
        items = Enumerable.Range(0, order.Lines).Select(l => new { sku = $"SKU-{(order.Index + l) % 97}", quantity = l + 1 }),
    });
}

internal sealed record PlannedOrder(int Index, string OrderId, string CustomerId, DateTimeOffset PurchasedAt, decimal Total, decimal ConflictTotal, int Lines);

/// <param name="Conflicting">True for the variant with a different total.</param>
internal sealed record PlannedRequest(int Order, bool Conflicting, string Body);
