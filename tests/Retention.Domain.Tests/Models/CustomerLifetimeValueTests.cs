using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class CustomerLifetimeValueTests
{
    private static readonly BgNbdModel Purchases = new(0.243, 4.414, 0.793, 2.426);
    private static readonly RepeatHistory Regular = RepeatHistory.Create(4, 35, 39);

    [Fact]
    public void Compute_NoDiscount_IsExpectedPurchasesOverTheHorizonTimesSpend()
    {
        var horizon = new ClvHorizon(12, 4, 0);

        var clv = CustomerLifetimeValue.Compute(Purchases, Regular, 50m, horizon);

        Assert.Equal((decimal)Purchases.ExpectedPurchases(Regular, 48) * 50m, clv, 10);
    }

    [Fact]
    public void Compute_TwoSteps_DiscountsEachStepAtItsEnd()
    {
        var horizon = new ClvHorizon(2, 4, 0.1);
        var first = Purchases.ExpectedPurchases(Regular, 4);
        var second = Purchases.ExpectedPurchases(Regular, 8) - first;

        var clv = CustomerLifetimeValue.Compute(Purchases, Regular, 20m, horizon);

        Assert.Equal((decimal)((first / 1.1) + (second / 1.21)) * 20m, clv, 10);
    }

    [Fact]
    public void Compute_HigherDiscountOrShorterHorizon_IsWorthLess()
    {
        var base12 = CustomerLifetimeValue.Compute(Purchases, Regular, 30m, ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.10));

        Assert.True(CustomerLifetimeValue.Compute(Purchases, Regular, 30m, ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.30)) < base12);
        Assert.True(CustomerLifetimeValue.Compute(Purchases, Regular, 30m, ClvHorizon.Monthly(6, ModelTimeUnit.Week, 0.10)) < base12);
        Assert.True(CustomerLifetimeValue.Compute(Purchases, RepeatHistory.Create(4, 5, 39), 30m, ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.10)) < base12);
    }

    [Theory]
    [InlineData(ModelTimeUnit.Week, 4.348125)]
    [InlineData(ModelTimeUnit.Day, 30.436875)]
    public void Monthly_StepIsAnAverageMonthInTheModelUnit(ModelTimeUnit unit, double stepLength)
    {
        var horizon = ClvHorizon.Monthly(12, unit, 0.10);

        Assert.Equal(stepLength, horizon.StepLength, 1e-12);
        Assert.Equal(1.10, Math.Pow(1 + horizon.DiscountRatePerStep, 12), 1e-12);
        Assert.Equal(365.2425 / (int)unit, horizon.Length, 1e-9);
    }

    [Fact]
    public void Compute_SameCustomerInDaysOrWeeks_IsTheSameValue()
    {
        // A model fitted in days has α seven times the weekly α; the horizon must follow the unit.
        var daily = new BgNbdModel(0.243, 4.414 * 7, 0.793, 2.426);
        var dailyHistory = RepeatHistory.Create(4, 35 * 7, 39 * 7);

        var inWeeks = CustomerLifetimeValue.Compute(Purchases, Regular, 30m, ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.10));
        var inDays = CustomerLifetimeValue.Compute(daily, dailyHistory, 30m, ClvHorizon.Monthly(12, ModelTimeUnit.Day, 0.10));

        Assert.Equal(inWeeks, inDays, 8);
    }

    [Fact]
    public void Compute_WithGammaGamma_UsesTheConditionalSpend()
    {
        var spendModel = new GammaGammaModel(6.25, 3.74, 15.44);
        var spend = new RepeatSpend(4, 42m);
        var horizon = ClvHorizon.Monthly(12, ModelTimeUnit.Week, 0.10);

        var clv = CustomerLifetimeValue.Compute(Purchases, spendModel, Regular, spend, horizon);

        Assert.Equal(CustomerLifetimeValue.Compute(Purchases, Regular, spendModel.ConditionalExpectedAverageSpend(spend)!.Value, horizon), clv);
        Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Compute(Purchases, spendModel, Regular, new RepeatSpend(3, 42m), horizon));
        Assert.Null(CustomerLifetimeValue.Compute(Purchases, new GammaGammaModel(2, 0.5, 10), RepeatHistory.Create(0, 0, 39), new RepeatSpend(0, 0m), horizon));
    }

    [Theory]
    [InlineData(0, 4.0, 0.0)]
    [InlineData(12, 0.0, 0.0)]
    [InlineData(12, double.NaN, 0.0)]
    [InlineData(12, 4.0, -1.0)]
    public void ClvHorizon_OutOfBounds_Throws(int steps, double stepLength, double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClvHorizon(steps, stepLength, rate));
    }
}
