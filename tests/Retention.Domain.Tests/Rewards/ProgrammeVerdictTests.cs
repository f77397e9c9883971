using Retention.Domain.Rewards;

namespace Retention.Domain.Tests.Rewards;

public sealed class ProgrammeVerdictTests
{
    private static ProgrammeResult Result(int treatedMatured, int holdoutMatured, double? low, double? high) =>
        new("win-back", treatedMatured + holdoutMatured, holdoutMatured, treatedMatured, treatedMatured, 0, holdoutMatured, 0,
            0.2, 0.2, low is null ? null : (low + high) / 2, low, high);

    [Theory]
    [InlineData(300, 30, 0.01, 0.09, UpliftVerdict.Works)]
    [InlineData(300, 30, 0.0, 0.09, UpliftVerdict.NoEffectShown)] // a bound exactly at 0 includes 0
    [InlineData(300, 30, -0.02, 0.09, UpliftVerdict.NoEffectShown)]
    [InlineData(300, 30, -0.09, 0.0, UpliftVerdict.NoEffectShown)]
    [InlineData(300, 30, -0.09, -0.01, UpliftVerdict.Hurts)]
    [InlineData(300, 29, 0.01, 0.09, UpliftVerdict.TooEarly)] // holdout one short of the minimum
    [InlineData(29, 300, 0.01, 0.09, UpliftVerdict.TooEarly)] // treated one short
    [InlineData(30, 30, 0.01, 0.09, UpliftVerdict.Works)] // exactly the minimum is enough
    [InlineData(300, 0, null, null, UpliftVerdict.TooEarly)]
    public void Of_IntervalAndGroupSizes_Verdict(int treatedMatured, int holdoutMatured, double? low, double? high, UpliftVerdict expected)
    {
        Assert.Equal(expected, ProgrammeVerdict.Of(Result(treatedMatured, holdoutMatured, low, high)));
    }

    [Fact]
    public void Of_CustomMinimum_Applies()
    {
        Assert.Equal(UpliftVerdict.Works, ProgrammeVerdict.Of(Result(10, 10, 0.1, 0.5), minimumMatured: 10));
    }

    [Theory]
    [InlineData(UpliftVerdict.Works, "works")]
    [InlineData(UpliftVerdict.NoEffectShown, "no effect shown")]
    [InlineData(UpliftVerdict.Hurts, "hurts")]
    [InlineData(UpliftVerdict.TooEarly, "too early")]
    public void Words_EachVerdict_PlainWords(UpliftVerdict verdict, string words)
    {
        Assert.Equal(words, ProgrammeVerdict.Words(verdict));
    }
}
