using System.Globalization;
using Retention.Domain.Customers;
using Retention.Domain.Rewards;
using Xunit.Abstractions;

namespace Retention.Domain.Tests.Rewards;

/// <summary>
/// A seeded simulated store in which win-back emails have a known effect on the 30-day return rate: the uplift report
/// must recover it within its interval, show no effect when there is none, and its 95 % interval must cover the true
/// effect in about 95 % of stores.
/// </summary>
public sealed class UpliftSimulationTests(ITestOutputHelper output)
{
    private const int ConversionDays = 30;
    private const double BaseRate = 0.20;
    private const double Effect = 0.05;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_WinBackWithAFivePointEffect_RecoversItAndExcludesZero()
    {
        var store = Store.Simulate(seed: 20261101, customers: 6000, treatedRate: BaseRate + Effect);

        var result = Assert.Single(ProgrammeUplift.Compute(store.Decisions, store.PurchaseTimes, store.AsOf, ConversionDays));

        Report(result);
        Assert.InRange(Effect, result.UpliftLow!.Value, result.UpliftHigh!.Value);
        Assert.True(result.UpliftLow > 0, "the interval should exclude 0");
        Assert.Equal(UpliftVerdict.Works, ProgrammeVerdict.Of(result));
        Assert.InRange(result.HoldoutRate!.Value, BaseRate - 0.04, BaseRate + 0.04);
        Assert.InRange(result.TreatedRate!.Value, BaseRate + Effect - 0.015, BaseRate + Effect + 0.015);
        Assert.InRange((double)result.HeldOut / result.Decided, 0.08, 0.12);
        Assert.True(result.TreatedMatured + result.HoldoutMatured < result.Decided, "the latest decisions have not matured");
    }

    [Fact]
    public void Compute_WinBackWithoutEffect_ZeroInTheInterval()
    {
        var store = Store.Simulate(seed: 20261101, customers: 6000, treatedRate: BaseRate);

        var result = Assert.Single(ProgrammeUplift.Compute(store.Decisions, store.PurchaseTimes, store.AsOf, ConversionDays));

        Report(result);
        Assert.InRange(0.0, result.UpliftLow!.Value, result.UpliftHigh!.Value);
        Assert.Equal(UpliftVerdict.NoEffectShown, ProgrammeVerdict.Of(result));
    }

    [Fact]
    public void Compute_OnlyFourInFiveEmailsSent_MeasuresTheDilutedIntentionToTreatEffect()
    {
        // Sending is random here, so the effect per decision is 0.8 × 5 = 4 points: the report measures what deciding
        // to send does, counting the decisions that could not be sent.
        var store = Store.Simulate(seed: 7, customers: 6000, treatedRate: BaseRate + Effect, sentShare: 0.8);

        var result = Assert.Single(ProgrammeUplift.Compute(store.Decisions, store.PurchaseTimes, store.AsOf, ConversionDays));

        Report(result);
        Assert.InRange(0.8 * Effect, result.UpliftLow!.Value, result.UpliftHigh!.Value);
        Assert.InRange((double)result.Sent / (result.Decided - result.HeldOut), 0.77, 0.83);
    }

    [Fact]
    public void Compute_ManySmallStores_IntervalCoversTheTrueEffectAboutNinetyFivePercentOfTheTime()
    {
        const int stores = 400;
        var covered = 0;
        var widths = new List<double>();
        for (var seed = 1; seed <= stores; seed++)
        {
            var store = Store.Simulate(seed, customers: 800, treatedRate: BaseRate + Effect);
            var result = Assert.Single(ProgrammeUplift.Compute(store.Decisions, store.PurchaseTimes, store.AsOf, ConversionDays));
            covered += result.UpliftLow <= Effect && Effect <= result.UpliftHigh ? 1 : 0;
            widths.Add(result.UpliftHigh!.Value - result.UpliftLow!.Value);
        }

        var coverage = (double)covered / stores;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coverage {covered}/{stores} = {coverage:P1}, mean interval width {widths.Average():0.000}"));
        // Binomial sampling error of 400 stores at a true 95 %: ±1.1 points (1 SD).
        Assert.InRange(coverage, 0.925, 0.975);
    }

    private void Report(ProgrammeResult r) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"decided {r.Decided}, held out {r.HeldOut}, sent {r.Sent}; treated {r.TreatedConverted}/{r.TreatedMatured} = {r.TreatedRate:0.0000}, " +
        $"holdout {r.HoldoutConverted}/{r.HoldoutMatured} = {r.HoldoutRate:0.0000}; uplift {r.Uplift:0.0000} [{r.UpliftLow:0.0000}, {r.UpliftHigh:0.0000}]"));

    /// <summary>
    /// Customers first buy in the first 18 months of two years, buy again a few times (gaps of 20–80 days), then lapse.
    /// Ninety days after their last purchase the nightly job decides a win-back (held out by <see cref="Holdout"/> at
    /// 10 %). A customer returns within 30 days with <c>treatedRate</c> when the email was sent, else 20 %; one who does
    /// not may still come back later on their own (outside the window), and every return can lead to another lapse and
    /// another decision.
    /// </summary>
    private sealed record Store(List<DecisionRecord> Decisions, Dictionary<CustomerId, List<DateTimeOffset>> Purchases, DateTimeOffset AsOf)
    {
        public Func<CustomerId, IReadOnlyList<DateTimeOffset>> PurchaseTimes => id => Purchases.TryGetValue(id, out var times) ? times : [];

        public static Store Simulate(int seed, int customers, double treatedRate, double sentShare = 1.0)
        {
            var random = new Random(seed);
            var end = Start.AddDays(730);
            var decisions = new List<DecisionRecord>();
            var purchases = new Dictionary<CustomerId, List<DateTimeOffset>>();
            for (var i = 0; i < customers; i++)
            {
                var id = CustomerId.Parse(string.Create(CultureInfo.InvariantCulture, $"s{seed}-c{i}"));
                var heldOut = Holdout.IsHeldOut(id, 10m);
                var times = new List<DateTimeOffset>();
                purchases.Add(id, times);
                var last = Start.AddMinutes(random.Next(0, 540 * 24 * 60));
                times.Add(last);
                while (true)
                {
                    while (random.NextDouble() < 0.5)
                    {
                        var next = last.AddMinutes(random.Next(20 * 24 * 60, 80 * 24 * 60));
                        if (next > end)
                        {
                            break;
                        }
                        times.Add(last = next);
                    }
                    var decidedAt = last.AddDays(90);
                    if (decidedAt > end)
                    {
                        break;
                    }
                    var sent = !heldOut && random.NextDouble() < sentShare;
                    decisions.Add(new DecisionRecord(id, $"win-back:{id.Value}:{decidedAt:O}", "win-back", decidedAt, heldOut, sent));
                    DateTimeOffset back;
                    if (random.NextDouble() < (sent ? treatedRate : BaseRate))
                    {
                        back = decidedAt.AddMinutes(random.Next(1, (ConversionDays * 24 * 60) + 1));
                    }
                    else if (random.NextDouble() < 0.35)
                    {
                        back = decidedAt.AddMinutes(random.Next((ConversionDays * 24 * 60) + 1, 240 * 24 * 60));
                    }
                    else
                    {
                        break;
                    }
                    if (back > end)
                    {
                        break;
                    }
                    times.Add(last = back);
                }
            }
            return new Store(decisions, purchases, end);
        }
    }
}
