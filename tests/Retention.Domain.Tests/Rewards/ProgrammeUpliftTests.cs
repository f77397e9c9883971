using Retention.Domain.Customers;
using Retention.Domain.Rewards;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Rewards;

public sealed class ProgrammeUpliftTests
{
    private static readonly DateTimeOffset AsOf = Sample.At("2026-03-01T00:00:00Z");
    private const int Days = 30;

    private static DecisionRecord Decision(string customer, DateTimeOffset decidedAt, bool heldOut = false, bool? sent = null, string programme = "win-back") =>
        new(CustomerId.Parse(customer), $"{programme}:{customer}:{decidedAt:O}", programme, decidedAt, heldOut, sent ?? !heldOut);

    private static Func<CustomerId, IReadOnlyList<DateTimeOffset>> Purchases(params (string Customer, DateTimeOffset At)[] purchases) =>
        id => [.. purchases.Where(p => p.Customer == id.Value).Select(p => p.At)];

    [Theory]
    [InlineData(-1, false)] // before the decision
    [InlineData(0, false)] // at the decision instant: what the decision was made from, not a response to it
    [InlineData(1, true)] // one second later
    [InlineData(30 * 86_400 - 1, true)]
    [InlineData(30 * 86_400, true)] // exactly N days later: the window's end is part of it
    [InlineData(30 * 86_400 + 1, false)] // one second past the window
    public void Compute_PurchaseRelativeToTheDecision_ConvertsOnlyInsideTheHalfOpenWindow(int secondsAfterDecision, bool converted)
    {
        var decidedAt = AsOf.AddDays(-40);

        var result = Assert.Single(ProgrammeUplift.Compute([Decision("c1", decidedAt)], Purchases(("c1", decidedAt.AddSeconds(secondsAfterDecision))), AsOf, Days));

        Assert.Equal(1, result.TreatedMatured);
        Assert.Equal(converted ? 1 : 0, result.TreatedConverted);
    }

    [Theory]
    [InlineData(31 * 86_400, true)]
    [InlineData(30 * 86_400, true)] // exactly N days old: matured
    [InlineData(30 * 86_400 - 1, false)] // one second younger: its window has not ended
    [InlineData(0, false)]
    public void Compute_DecisionAge_MaturedWhenTheWindowHasEndedByAsOf(int ageSeconds, bool matured)
    {
        var decision = Decision("c1", AsOf.AddSeconds(-ageSeconds));

        var result = Assert.Single(ProgrammeUplift.Compute([decision], Purchases(), AsOf, Days));

        Assert.Equal(1, result.Decided);
        Assert.Equal(matured ? 1 : 0, result.TreatedMatured);
    }

    [Fact]
    public void Compute_SmallProgramme_CountsAndRatesAsComputedByHand()
    {
        var old = AsOf.AddDays(-60);
        var recent = AsOf.AddDays(-5);
        DecisionRecord[] decisions =
        [
            Decision("t1", old), Decision("t2", old), Decision("t3", old, sent: false), Decision("t4", old),
            Decision("t5", recent), // not matured: counted as decided and sent, not in the rates
            Decision("h1", old, heldOut: true), Decision("h2", old, heldOut: true),
            Decision("h3", recent, heldOut: true),
        ];
        var purchases = Purchases(
            ("t1", old.AddDays(3)), ("t2", old.AddDays(29)), ("t3", old.AddDays(10)), // t3 was never sent: still treated (intention to treat)
            ("t4", old.AddDays(45)), // after the window
            ("t5", recent.AddDays(1)),
            ("h1", old.AddDays(7)),
            ("h3", recent.AddDays(2)));

        var result = Assert.Single(ProgrammeUplift.Compute(decisions, purchases, AsOf, Days));

        Assert.Equal("win-back", result.Programme);
        Assert.Equal((8, 3, 4), (result.Decided, result.HeldOut, result.Sent));
        Assert.Equal((4, 3, 2, 1), (result.TreatedMatured, result.TreatedConverted, result.HoldoutMatured, result.HoldoutConverted));
        Assert.Equal(0.75, result.TreatedRate);
        Assert.Equal(0.5, result.HoldoutRate);
        Assert.Equal(0.25, result.Uplift!.Value, 12);
        // Hand computation, z = 1.96, z² = 3.8416.
        // Wilson 3/4: centre (0.75 + 3.8416/8) / (1 + 3.8416/4) = 1.2302 / 1.9604 = 0.627525;
        //   half 1.96/1.9604 × sqrt(0.75·0.25/4 + 3.8416/64) = 0.999796 × sqrt(0.1069) = 0.326889 → [0.300636, 0.954414].
        // Wilson 1/2: centre 0.5; half 1.96/2.9208 × sqrt(0.5·0.5/2 + 3.8416/16) = 0.671049 × 0.604235 = 0.405471 → [0.094529, 0.905471].
        // Low  = 0.25 − sqrt((0.75 − 0.300636)² + (0.905471 − 0.5)²) = 0.25 − sqrt(0.201928 + 0.164407) = 0.25 − 0.605256 = −0.355256.
        // High = 0.25 + sqrt((0.954414 − 0.75)² + (0.5 − 0.094529)²) = 0.25 + sqrt(0.041785 + 0.164407) = 0.25 + 0.454084 = 0.704084.
        Assert.Equal(-0.355256, result.UpliftLow!.Value, 5);
        Assert.Equal(0.704084, result.UpliftHigh!.Value, 5);
    }

    [Theory]
    // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II, method 10.
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void Interval_PublishedExamples_MatchToFourDecimals(int x1, int n1, int x0, int n0, double low, double high)
    {
        var interval = ProgrammeUplift.Interval(x1, n1, x0, n0);

        Assert.Equal(low, Math.Round(interval.Low, 4));
        Assert.Equal(high, Math.Round(interval.High, 4));
    }

    [Fact]
    public void Wilson_PublishedExample_81Of263()
    {
        var (low, high) = ProgrammeUplift.Wilson(81, 263);

        Assert.Equal(0.2553, Math.Round(low, 4));
        Assert.Equal(0.3662, Math.Round(high, 4));
    }

    [Fact]
    public void Interval_LargeGroups_CloseToTheWaldInterval()
    {
        // Wald: 0.05 ± 1.96 × sqrt(0.25·0.75/10000 + 0.2·0.8/1000) = 0.05 ± 1.96 × 0.0133697 = [0.023795, 0.076205].
        var (low, high) = ProgrammeUplift.Interval(2500, 10_000, 200, 1000);

        Assert.Equal(0.023795, low, 0.002);
        Assert.Equal(0.076205, high, 0.002);
    }

    [Fact]
    public void Interval_NobodyConvertedInEitherGroup_StillHasWidth()
    {
        // Wald would give [0, 0] here and call any later difference significant.
        var (low, high) = ProgrammeUplift.Interval(0, 40, 0, 30);

        Assert.True(low < 0 && high > 0);
    }

    [Fact]
    public void Compute_NoHoldoutDecisionMatured_HoldoutRateAndUpliftNull()
    {
        var decisions = new[] { Decision("t1", AsOf.AddDays(-40)), Decision("h1", AsOf.AddDays(-3), heldOut: true) };

        var result = Assert.Single(ProgrammeUplift.Compute(decisions, Purchases(("t1", AsOf.AddDays(-39))), AsOf, Days));

        Assert.Equal(1.0, result.TreatedRate);
        Assert.Null(result.HoldoutRate);
        Assert.Null(result.Uplift);
        Assert.Null(result.UpliftLow);
        Assert.Null(result.UpliftHigh);
    }

    [Fact]
    public void Compute_NoDecisionMatured_AllRatesNullButCountsKept()
    {
        var decisions = new[] { Decision("t1", AsOf.AddDays(-1)), Decision("h1", AsOf.AddDays(-2), heldOut: true) };

        var result = Assert.Single(ProgrammeUplift.Compute(decisions, Purchases(), AsOf, Days));

        Assert.Equal((2, 1, 1), (result.Decided, result.HeldOut, result.Sent));
        Assert.Null(result.TreatedRate);
        Assert.Null(result.HoldoutRate);
        Assert.Null(result.Uplift);
    }

    [Fact]
    public void Compute_NoDecisions_NoProgrammes()
    {
        Assert.Empty(ProgrammeUplift.Compute([], Purchases(), AsOf, Days));
    }

    [Fact]
    public void Compute_SeveralDecisionsForOneCustomer_EachCountsSeparately()
    {
        var first = AsOf.AddDays(-100);
        var second = AsOf.AddDays(-50);
        var third = AsOf.AddDays(-45);
        // One purchase 8 days after the second decision: inside the second's and the third's windows, not the first's.
        var decisions = new[] { Decision("c1", first), Decision("c1", second), Decision("c1", third) };

        var result = Assert.Single(ProgrammeUplift.Compute(decisions, Purchases(("c1", second.AddDays(8))), AsOf, Days));

        Assert.Equal(3, result.TreatedMatured);
        Assert.Equal(2, result.TreatedConverted);
    }

    [Fact]
    public void Compute_SeveralProgrammes_OrderedByNameAndCountedApart()
    {
        var at = AsOf.AddDays(-40);
        var decisions = new[]
        {
            Decision("c1", at, programme: "win-back"), Decision("c2", at, programme: "replenishment"),
            Decision("c3", at, heldOut: true, programme: "feedback-request"), Decision("c4", at, programme: "win-back"),
        };

        var results = ProgrammeUplift.Compute(decisions, Purchases(), AsOf, Days);

        Assert.Equal(["feedback-request", "replenishment", "win-back"], results.Select(r => r.Programme));
        Assert.Equal([1, 1, 2], results.Select(r => r.Decided));
    }

    [Fact]
    public void Compute_PurchasesAreLookedUpOncePerCustomerAndOnlyForMaturedDecisions()
    {
        var calls = new List<string>();
        var decisions = new[]
        {
            Decision("c1", AsOf.AddDays(-90)), Decision("c1", AsOf.AddDays(-40)), Decision("c1", AsOf.AddDays(-40), programme: "other"),
            Decision("c2", AsOf.AddDays(-1)),
        };

        ProgrammeUplift.Compute(decisions, id => { calls.Add(id.Value); return []; }, AsOf, Days);

        Assert.Equal(["c1"], calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Compute_ConversionWindowNotPositive_Throws(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgrammeUplift.Compute([], Purchases(), AsOf, days));
    }
}
