using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class RfmScoringTests
{
    [Fact]
    public void Quintiles_TenDistinctValues_TwoPerScore()
    {
        var scores = RfmScoring.Quintiles([10m, 1m, 9m, 2m, 8m, 3m, 7m, 4m, 6m, 5m]);

        Assert.Equal([5, 1, 5, 1, 4, 2, 4, 2, 3, 3], scores);
    }

    [Fact]
    public void Quintiles_Ties_ShareTheScoreOfTheirLowestPlace()
    {
        // Six one-time buyers among ten: none is better than another, so all take the lowest place (score 1);
        // the next value has 6 of 10 below it: 1 + ⌊5 · 6/10⌋ = 4.
        var scores = RfmScoring.Quintiles([1m, 1m, 1m, 1m, 1m, 1m, 2m, 3m, 4m, 5m]);

        Assert.Equal([1, 1, 1, 1, 1, 1, 4, 4, 5, 5], scores);
    }

    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(4, new[] { 1, 2, 3, 4 })]
    [InlineData(3, new[] { 1, 2, 4 })]
    public void Quintiles_FewCustomers_UseTheSameRule(int count, int[] expected)
    {
        var scores = RfmScoring.Quintiles([.. Enumerable.Range(1, count).Select(i => (decimal)i)]);

        Assert.Equal(expected, scores);
    }

    [Fact]
    public void Score_Recency_FewerDaysIsBetter()
    {
        RfmValues[] customers = [new(0, 1, 10m), new(10, 1, 10m), new(20, 1, 10m), new(30, 1, 10m), new(40, 1, 10m)];

        var scores = RfmScoring.Score(customers);

        Assert.Equal([5, 4, 3, 2, 1], scores.Select(s => s.Recency));
        Assert.All(scores, s => Assert.Equal(1, s.Frequency));
        Assert.Equal([RfmSegment.New, RfmSegment.Promising, RfmSegment.AboutToSleep, RfmSegment.Hibernating, RfmSegment.Lost], scores.Select(s => s.Segment));
    }

    [Fact]
    public void Score_EmptyList_IsEmpty() => Assert.Empty(RfmScoring.Score([]));

    [Fact]
    public void Score_NegativeRecency_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmScoring.Score([new RfmValues(-1, 1, 1m)]));

    [Theory]
    [InlineData(5, 5, 5, RfmSegment.Champions)]
    [InlineData(4, 4, 4, RfmSegment.Champions)]
    [InlineData(1, 4, 4, RfmSegment.CantLoseThem)]
    [InlineData(1, 5, 5, RfmSegment.CantLoseThem)]
    [InlineData(1, 5, 3, RfmSegment.AtRisk)]
    [InlineData(2, 3, 1, RfmSegment.AtRisk)]
    [InlineData(2, 5, 5, RfmSegment.AtRisk)]
    [InlineData(5, 5, 3, RfmSegment.Loyal)]
    [InlineData(3, 4, 5, RfmSegment.Loyal)]
    [InlineData(3, 5, 1, RfmSegment.Loyal)]
    [InlineData(5, 1, 5, RfmSegment.New)]
    [InlineData(4, 1, 1, RfmSegment.Promising)]
    [InlineData(5, 2, 5, RfmSegment.PotentialLoyalists)]
    [InlineData(4, 3, 1, RfmSegment.PotentialLoyalists)]
    [InlineData(3, 3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 2, 5, RfmSegment.AboutToSleep)]
    [InlineData(3, 1, 1, RfmSegment.AboutToSleep)]
    [InlineData(2, 2, 5, RfmSegment.Hibernating)]
    [InlineData(2, 1, 1, RfmSegment.Hibernating)]
    [InlineData(1, 2, 5, RfmSegment.Lost)]
    [InlineData(1, 1, 1, RfmSegment.Lost)]
    public void Segment_RuleBoundaries_MapAsDocumented(int r, int f, int m, RfmSegment expected)
    {
        Assert.Equal(expected, RfmScoring.Segment(r, f, m));
    }

    [Fact]
    public void Segment_AllScoreCombinations_ReachEverySegment()
    {
        var segments = (from r in Enumerable.Range(1, 5)
                        from f in Enumerable.Range(1, 5)
                        from m in Enumerable.Range(1, 5)
                        select RfmScoring.Segment(r, f, m)).ToHashSet();

        Assert.Equal(Enum.GetValues<RfmSegment>().ToHashSet(), segments);
    }

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(3, 6, 3)]
    [InlineData(3, 3, -1)]
    public void Segment_ScoreOutsideOneToFive_Throws(int r, int f, int m)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmScoring.Segment(r, f, m));
    }
}
