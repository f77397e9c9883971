using System.Globalization;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Domain.Rewards;
using Retention.Domain.Tests.Support;
using Xunit.Abstractions;

namespace Retention.Domain.Tests.Rewards;

/// <summary>
/// A seeded store run through the real rules for two years: customers buy with their own rhythm and lapse; every week
/// the nightly win-back rule decides, the holdout gets nothing, and a win-back email raises the chance of coming back
/// within 30 days from 20 % to 25 % (a known effect). The uplift report must find it within its interval, and find no
/// effect when the email does nothing.
/// </summary>
public sealed class WinBackStoreSimulationTests(ITestOutputHelper output)
{
    private const int Customers = 4000;
    private const int ConversionDays = 30;
    private static readonly DateTimeOffset Start = Sample.At("2024-01-01T09:00:00Z");
    private static readonly DateTimeOffset End = Start.AddDays(730);

    private static readonly RewardSettings Settings = RewardSettings.Off with
    {
        WinBack = new WinBackRule(Enabled: true, GapMultiplier: 3, DefaultDays: 60, SecondTouchDays: 0, PercentOff: 0),
        HoldoutPercent = 10m,
    };

    [Fact]
    public void Uplift_WinBackRaisesReturnsByFivePoints_RecoveredWithinTheInterval()
    {
        var result = Run(seed: 2026, returnWithEmail: 0.25, returnWithout: 0.20);

        Assert.InRange(0.05, result.UpliftLow!.Value, result.UpliftHigh!.Value);
        Assert.True(result.UpliftLow > 0, $"the interval [{result.UpliftLow:0.000}, {result.UpliftHigh:0.000}] should exclude 0");
    }

    [Fact]
    public void Uplift_WinBackDoesNothing_ZeroWithinTheInterval()
    {
        var result = Run(seed: 2026, returnWithEmail: 0.20, returnWithout: 0.20);

        Assert.InRange(0.0, result.UpliftLow!.Value, result.UpliftHigh!.Value);
    }

    private ProgrammeResult Run(int seed, double returnWithEmail, double returnWithout)
    {
        var random = new Random(seed);
        var decisions = new List<DecisionRecord>();
        var purchases = new Dictionary<CustomerId, List<DateTimeOffset>>();
        for (var c = 0; c < Customers; c++)
        {
            var id = CustomerId.Parse("sim-" + c.ToString(CultureInfo.InvariantCulture));
            var times = new List<DateTimeOffset>();
            var meanGap = 10 + random.Next(50);
            var at = Start.AddDays(random.Next(365));
            // A natural rhythm: a few purchases about meanGap apart, then the customer drifts away.
            for (var n = 1 + random.Next(4); n > 0 && at < End; n--)
            {
                times.Add(at);
                at = at.AddDays(Math.Max(1, (int)(-meanGap * Math.Log(1 - random.NextDouble()))));
            }
            var decided = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            for (var night = Start; night < End; night = night.AddDays(7))
            {
                var summary = Summary(id, times.Where(t => t <= night));
                foreach (var decision in NightlyRules.Evaluate(summary, LoyaltyAccount.Empty(id), night, Settings, decided, _ => null))
                {
                    var message = decision.Message;
                    if (!decided.TryAdd(message.MessageId, night))
                    {
                        continue;
                    }
                    var heldOut = Holdout.IsHeldOut(id, Settings.HoldoutPercent);
                    decisions.Add(new DecisionRecord(id, message.MessageId, decision.Programme, night, heldOut, Sent: !heldOut));
                    if (random.NextDouble() < (heldOut ? returnWithout : returnWithEmail))
                    {
                        times.Add(night.AddDays(1 + random.Next(ConversionDays - 1)));
                        times.Sort();
                    }
                }
            }
            purchases[id] = times;
        }

        var result = Assert.Single(ProgrammeUplift.Compute(decisions, c => purchases[c], End, ConversionDays));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decided {result.Decided}, held out {result.HeldOut}; treated {result.TreatedConverted}/{result.TreatedMatured} = {result.TreatedRate:P1}, " +
            $"holdout {result.HoldoutConverted}/{result.HoldoutMatured} = {result.HoldoutRate:P1}; uplift {result.Uplift:+0.000;-0.000} [{result.UpliftLow:0.000}, {result.UpliftHigh:0.000}]"));
        return result;
    }

    private static CustomerSummary Summary(CustomerId id, IEnumerable<DateTimeOffset> times)
    {
        var summary = CustomerSummary.Empty(id);
        var n = 0;
        foreach (var at in times)
        {
            var purchase = new Purchase
            {
                OrderId = OrderId.Parse(id.Value + "-" + (n++).ToString(CultureInfo.InvariantCulture)),
                CustomerId = id,
                PurchasedAt = at,
                Total = Sample.Money("20.00", "USD"),
            };
            summary = summary.Apply(new Order { Purchase = purchase, RecordedAt = at });
        }
        return summary;
    }
}
