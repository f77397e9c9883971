using Retention.Cli.Demo;

namespace Retention.Cli.Tests;

public sealed class DemoStoreTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Generate_SameSeedAndDay_SameRequests()
    {
        var first = DemoStore.Generate(200, Today);
        var second = DemoStore.Generate(200, Today);

        Assert.Equal(first.Purchases, second.Purchases, (a, b) => a.OrderId == b.OrderId && a.Total == b.Total && a.PurchasedAt == b.PurchasedAt);
        Assert.Equal(first.Refunds, second.Refunds);
        Assert.Equal(first.Cancellations, second.Cancellations);
    }

    [Fact]
    public void Generate_DefaultSize_IsARealisticStore()
    {
        var data = DemoStore.Generate(600, Today);
        var byCustomer = data.Purchases.GroupBy(p => p.CustomerId).ToList();
        var first = data.Purchases.Min(p => p.PurchasedAt);
        var last = data.Purchases.Max(p => p.PurchasedAt);
        var repeatShare = byCustomer.Count(g => g.Count() >= 2) / (double)byCustomer.Count;

        Assert.True(byCustomer.Count >= 500, $"{byCustomer.Count} customers");
        Assert.True((last - first).TotalDays >= 365, $"spans {(last - first).TotalDays:0} days");
        Assert.InRange(repeatShare, 0.15, 0.70);
        Assert.True(last < new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "no purchase today or later");
        Assert.Equal(data.Purchases.Count, data.Purchases.Select(p => p.OrderId).Distinct().Count());
        Assert.All(data.Purchases, p => Assert.Equal(p.Items.Sum(i => i.UnitPrice * i.Quantity) + 3.95m, p.Total));
        Assert.NotEmpty(data.Refunds);
        Assert.NotEmpty(data.Cancellations);
    }

    [Fact]
    public void Generate_Refunds_NeverExceedTheirOrder()
    {
        var data = DemoStore.Generate(600, Today);
        var totals = data.Purchases.ToDictionary(p => p.OrderId, p => p.Total);

        Assert.All(data.Refunds, r => Assert.InRange(r.Amount, 0.01m, totals[r.OrderId]));
        Assert.Empty(data.Refunds.Select(r => r.OrderId).Intersect(data.Cancellations));
    }
}
