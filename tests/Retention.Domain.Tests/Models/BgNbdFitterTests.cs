using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class BgNbdFitterTests
{
    [Fact]
    public void Fit_OnlyOneTimeBuyers_IsNotFittedAndSaysWhy()
    {
        var customers = Enumerable.Range(0, 500).Select(i => RepeatHistory.Create(0, 0, 1 + (i % 39))).ToList();

        var fit = BgNbdFitter.Fit(customers);

        var notFitted = Assert.IsType<ModelFit<BgNbdModel>.NotFitted>(fit);
        Assert.Contains("Nobody bought again", notFitted.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(19)]
    public void Fit_FewerCustomersThanTheMinimum_IsNotFitted(int count)
    {
        var customers = Enumerable.Range(0, count).Select(i => RepeatHistory.Create(i % 3, i % 3, 10)).ToList();

        var fit = BgNbdFitter.Fit(customers);

        var notFitted = Assert.IsType<ModelFit<BgNbdModel>.NotFitted>(fit);
        Assert.Contains("at least 20", notFitted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewRepeatCustomers_IsNotFitted()
    {
        var customers = Enumerable.Range(0, 100).Select(i => i < 4 ? RepeatHistory.Create(1, 2, 10) : RepeatHistory.Create(0, 0, 10)).ToList();

        var fit = BgNbdFitter.Fit(customers);

        Assert.Contains("Only 4 customers bought again", Assert.IsType<ModelFit<BgNbdModel>.NotFitted>(fit).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EveryoneFirstBoughtOnTheLastDay_IsNotFitted()
    {
        // Identical dates: everyone bought (several times) on the calibration end day, which merges into one purchase.
        var customers = Enumerable.Range(0, 50).Select(i => RepeatHistory.Create(i % 2, 0, 0)).ToList();

        var fit = BgNbdFitter.Fit(customers);

        Assert.Contains("age 0", Assert.IsType<ModelFit<BgNbdModel>.NotFitted>(fit).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SimulatedFromKnownParameters_RecoversThem()
    {
        var simulation = new Simulation(seed: 20_051);
        var customers = Enumerable.Range(0, 20_000).Select(_ => simulation.Customer(0.5, 6.0, 0.7, 2.5, simulation.Uniform(26, 52))).ToList();

        var fit = Assert.IsType<ModelFit<BgNbdModel>.Fitted>(BgNbdFitter.Fit(customers));

        Assert.True(fit.Converged);
        Assert.Equal(0.5, fit.Model.R, 0.05);
        Assert.Equal(6.0, fit.Model.Alpha, 0.6);
        Assert.Equal(0.7, fit.Model.A, 0.15);
        Assert.Equal(2.5, fit.Model.B, 0.6);
        // The truth lies within about three standard errors of the estimate.
        foreach (var (estimate, truth) in fit.Parameters.Zip([0.5, 6.0, 0.7, 2.5]))
        {
            Assert.InRange(truth, estimate.Value - (3.5 * estimate.StandardError!.Value), estimate.Value + (3.5 * estimate.StandardError.Value));
        }
    }

    [Fact]
    public void Fit_HugeFrequencies_GivesAFiniteFit()
    {
        var simulation = new Simulation(seed: 7);
        var customers = Enumerable.Range(0, 300).Select(_ => simulation.Customer(0.5, 6.0, 0.7, 2.5, 39))
            .Concat([RepeatHistory.Create(20_000, 38.9, 39), RepeatHistory.Create(5_000, 12, 39)])
            .ToList();

        var fit = Assert.IsType<ModelFit<BgNbdModel>.Fitted>(BgNbdFitter.Fit(customers));

        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.All(fit.Parameters, p => Assert.True(double.IsFinite(p.Value) && p.Value > 0, p.Name));
        Assert.All(customers, c => Assert.True(double.IsFinite(fit.Model.ExpectedPurchases(c, 52))));
    }

    [Fact]
    public void Fit_WithPenalizer_ShrinksTheParameters()
    {
        var histories = Cdnow.Split.Histories;
        var plain = Cdnow.BgNbd;

        var penalized = Assert.IsType<ModelFit<BgNbdModel>.Fitted>(BgNbdFitter.Fit(histories, new FitOptions { Penalizer = 0.01 }));

        static double SquaredNorm(BgNbdModel m) => (m.R * m.R) + (m.Alpha * m.Alpha) + (m.A * m.A) + (m.B * m.B);
        Assert.True(SquaredNorm(penalized.Model) < SquaredNorm(plain.Model));
        Assert.True(penalized.LogLikelihood < plain.LogLikelihood);
    }

    [Fact]
    public void Fit_SameCustomers_SameEstimate()
    {
        var first = Assert.IsType<ModelFit<BgNbdModel>.Fitted>(BgNbdFitter.Fit(Cdnow.Split.Histories));

        Assert.Equal(Cdnow.BgNbd.Model, first.Model);
        Assert.Equal(Cdnow.BgNbd.LogLikelihood, first.LogLikelihood);
    }

    [Fact]
    public void Fit_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdFitter.Fit(Cdnow.Split.Histories, new FitOptions { Penalizer = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdFitter.Fit(Cdnow.Split.Histories, new FitOptions { MaxIterations = 0 }));
    }

    [Fact]
    public void Fit_IterationBudgetTooSmall_SaysItDidNotConverge()
    {
        var fit = Assert.IsType<ModelFit<BgNbdModel>.Fitted>(BgNbdFitter.Fit(Cdnow.Split.Histories, new FitOptions { MaxIterations = 10 }));

        Assert.False(fit.Converged);
        Assert.Contains("did not converge", fit.Note, StringComparison.Ordinal);
    }
}
