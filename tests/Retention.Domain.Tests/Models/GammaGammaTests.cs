using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class GammaGammaTests
{
    private static readonly GammaGammaModel Model = new(6, 4, 15);

    /// <summary>
    /// With p = 1, q = 2, γ = 1 and x = 1, m ~ Exponential(ν) with ν ~ Gamma(2, 1), so
    /// f(m) = ∫ ν e^(−νm) ν e^(−ν) dν = 2 / (1 + m)³, which at m = 1 is 1/4; at m = 3, 1/32.
    /// </summary>
    [Theory]
    [InlineData(1.0, 0.25)]
    [InlineData(3.0, 1.0 / 32)]
    public void LogLikelihood_ExponentialCase_EqualsTheIntegratedDensity(double m, double density)
    {
        Assert.Equal(Math.Log(density), GammaGammaModel.LogLikelihood(1, 2, 1, 1, m), 1e-14);
    }

    [Theory]
    [InlineData(0, "0", "30")]
    [InlineData(2, "40", "38")]
    [InlineData(2, "30", "30")]
    [InlineData(10, "100", "96.66666666666666666666666667")]
    public void ConditionalExpectedAverageSpend_KnownParameters_EqualsHandComputedValue(int x, string mean, string expected)
    {
        // p (γ + x m) / (p x + q − 1): x = 2, m = 40: 6 · 95 / 15 = 38; x = 10, m = 100: 6 · 1015 / 63.
        var actual = Model.ConditionalExpectedAverageSpend(new RepeatSpend(x, decimal.Parse(mean, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), actual!.Value, 10);
    }

    [Fact]
    public void ConditionalExpectedAverageSpend_LiesBetweenPopulationMeanAndOwnMean()
    {
        var population = Model.PopulationMeanSpend!.Value;

        foreach (var x in new[] { 1, 3, 20 })
        {
            var expected = Model.ConditionalExpectedAverageSpend(new RepeatSpend(x, 80m))!.Value;
            Assert.InRange(expected, population, 80m);
        }
    }

    [Fact]
    public void ConditionalExpectedAverageSpend_QAtMostOne_IsNullForNewCustomers()
    {
        var heavyTailed = new GammaGammaModel(2, 0.8, 10);

        Assert.Null(heavyTailed.PopulationMeanSpend);
        Assert.Null(heavyTailed.ConditionalExpectedAverageSpend(new RepeatSpend(0, 0m)));
        Assert.NotNull(heavyTailed.ConditionalExpectedAverageSpend(new RepeatSpend(1, 20m)));
    }

    [Fact]
    public void Fit_SimulatedFromKnownParameters_RecoversThem()
    {
        var simulation = new Simulation(seed: 25);
        var customers = Enumerable.Range(0, 5000).Select(_ => simulation.Spend(6.0, 4.0, 15.0, simulation.Next(1, 8))).ToList();

        var fit = Assert.IsType<ModelFit<GammaGammaModel>.Fitted>(GammaGammaFitter.Fit(customers));

        Assert.True(fit.Converged);
        foreach (var (estimate, truth) in fit.Parameters.Zip([6.0, 4.0, 15.0]))
        {
            Assert.InRange(truth, estimate.Value - (3.5 * estimate.StandardError!.Value), estimate.Value + (3.5 * estimate.StandardError.Value));
            Assert.InRange(estimate.Value, truth * 0.8, truth * 1.25);
        }
    }

    [Fact]
    public void Fit_OneTimeBuyersAndZeroSpend_AreLeftOutAndCounted()
    {
        var simulation = new Simulation(seed: 3);
        var customers = Enumerable.Range(0, 300).Select(_ => simulation.Spend(6.0, 4.0, 15.0, simulation.Next(1, 5)))
            .Concat(Enumerable.Repeat(new RepeatSpend(0, 0m), 1000))
            .Concat(Enumerable.Repeat(new RepeatSpend(2, 0m), 7))
            .ToList();

        var fit = Assert.IsType<ModelFit<GammaGammaModel>.Fitted>(GammaGammaFitter.Fit(customers));

        Assert.Equal(300, fit.Customers);
        Assert.Contains("7 repeat customers with a mean spend of 0 or less were left out", fit.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewRepeatCustomers_IsNotFitted()
    {
        var customers = Enumerable.Repeat(new RepeatSpend(0, 0m), 500).Append(new RepeatSpend(1, 10m)).ToList();

        var fit = GammaGammaFitter.Fit(customers);

        Assert.Contains("Only 1 repeat customers", Assert.IsType<ModelFit<GammaGammaModel>.NotFitted>(fit).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EveryoneSpendsTheSame_IsNotFitted()
    {
        var customers = Enumerable.Range(1, 50).Select(i => new RepeatSpend(1 + (i % 4), 25m)).ToList();

        Assert.IsType<ModelFit<GammaGammaModel>.NotFitted>(GammaGammaFitter.Fit(customers));
    }

    [Fact]
    public void Fit_SpendGrowsWithFrequency_WarnsAboutTheIndependenceAssumption()
    {
        var customers = Enumerable.Range(1, 200).Select(i => new RepeatSpend(1 + (i % 10), 10m + (5 * (i % 10)) + (i % 7))).ToList();

        var fit = Assert.IsType<ModelFit<GammaGammaModel>.Fitted>(GammaGammaFitter.Fit(customers));

        Assert.Contains("assumes they are independent", fit.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void FitCdnow_RepeatersConditionalSpend_AveragesCloseToTheObservedMean()
    {
        var spends = Cdnow.Split.Spends.Where(s => s.Frequency > 0).ToList();

        var predicted = spends.Average(s => Cdnow.GammaGamma.Model.ConditionalExpectedAverageSpend(s)!.Value);
        var observed = spends.Average(s => s.MeanSpend);

        Assert.InRange(predicted / observed, 0.97m, 1.03m);
        Assert.InRange(Cdnow.GammaGamma.Model.PopulationMeanSpend!.Value, 30m, 40m);
    }
}
