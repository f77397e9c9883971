using System.Diagnostics;
using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

/// <summary>
/// The fits on the CDNOW sample against the published estimates (../shared/datasets/README.md): BG/NBD from Fader, Hardie
/// &amp; Lee (2005), Table 1; Gamma-Gamma from Fader &amp; Hardie, note 025.
/// </summary>
public sealed class CdnowPublishedResultsTests
{
    [Fact]
    public void Build_CdnowSample_HasThePublishedCalibrationCohort()
    {
        var split = Cdnow.Split;

        Assert.Equal(2357, split.Customers.Length);
        Assert.Equal(0, split.CustomersAfterCalibration);
        Assert.Equal(946, split.Customers.Count(c => c.History.Frequency > 0));
        // Distinct (customer, day) pairs up to 1997-09-30 (4,814, counted with awk/sort -u) minus one first day each.
        Assert.Equal(4814 - 2357, split.Customers.Sum(c => c.History.Frequency));
        Assert.Equal(39.0, split.HoldoutLength, 12);
        Assert.All(split.Customers, c => Assert.InRange(c.History.Age, 27.0, 38.86));
    }

    [Theory]
    [InlineData("r", 0.243)]
    [InlineData("alpha", 4.414)]
    [InlineData("a", 0.793)]
    [InlineData("b", 2.426)]
    public void FitBgNbd_CdnowSample_MatchesPublishedParameters(string name, double published)
    {
        var estimate = Cdnow.BgNbd.Parameters.Single(p => p.Name == name);

        Assert.InRange(estimate.Value, published - 0.01, published + 0.01);
    }

    [Fact]
    public void FitBgNbd_CdnowSample_MatchesPublishedLogLikelihoodAndConverges()
    {
        var fit = Cdnow.BgNbd;

        Assert.InRange(fit.LogLikelihood, -9582.4 - 0.5, -9582.4 + 0.5);
        Assert.True(fit.Converged);
        Assert.Null(fit.Note);
        Assert.Equal(2357, fit.Customers);
        Assert.All(fit.Parameters, p => Assert.True(p.StandardError is > 0 && p.StandardError < p.Value, $"{p.Name}: {p.StandardError}"));
    }

    [Fact]
    public void FitBgNbd_CdnowSample_TakesWellUnderASecond()
    {
        var histories = Cdnow.Split.Histories;

        var watch = Stopwatch.StartNew();
        var fit = BgNbdFitter.Fit(histories);
        watch.Stop();

        Assert.IsType<ModelFit<BgNbdModel>.Fitted>(fit);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{watch.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// E[X(t)] for a new customer from Hardie's BG/NBD spreadsheet, as quoted by lifetimes' tests
    /// (CamDavidsonPilon/lifetimes, tests/test_estimation.py), evaluated at our own estimates.
    /// </summary>
    [Theory]
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void ExpectedPurchasesNewCustomer_CdnowFit_MatchesHardiesSpreadsheet(double weeks, double published)
    {
        Assert.Equal(published, Cdnow.BgNbd.Model.ExpectedPurchasesNewCustomer(weeks), 0.001);
    }

    [Fact]
    public void ExpectedPurchases_CdnowFitWorkedExample_MatchesHardiesSpreadsheet()
    {
        Assert.Equal(1.226, Cdnow.BgNbd.Model.ExpectedPurchases(RepeatHistory.Create(2, 30.43, 38.86), 39), 0.001);
    }

    [Theory]
    [InlineData("p", 6.25)]
    [InlineData("q", 3.74)]
    [InlineData("gamma", 15.44)]
    public void FitGammaGamma_CdnowRepeaters_MatchesPublishedParameters(string name, double published)
    {
        var estimate = Cdnow.GammaGamma.Parameters.Single(p => p.Name == name);

        Assert.InRange(estimate.Value, published - 0.05, published + 0.05);
    }

    [Fact]
    public void FitGammaGamma_CdnowRepeaters_UsesThe946RepeatersAndConverges()
    {
        var fit = Cdnow.GammaGamma;

        Assert.Equal(946, fit.Customers);
        Assert.True(fit.Converged);
        Assert.All(fit.Parameters, p => Assert.True(p.StandardError > 0, p.Name));
    }
}
