using Retention.Domain.Customers;
using Retention.Domain.Models;
using Retention.Domain.Tests.Cohorts;

namespace Retention.Domain.Tests.Models;

/// <summary>The CDNOW sample split as in Fader, Hardie &amp; Lee (2005): calibration to 1997-09-30, weeks, holdout to 1998-06-30.</summary>
internal static class Cdnow
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    private static readonly Lazy<CalibrationSplit> LazySplit = new(() => CalibrationHoldout.Build(Transactions(), CalibrationEnd, ModelTimeUnit.Week));

    private static readonly Lazy<ModelFit<BgNbdModel>.Fitted> LazyBgNbd = new(() => Assert.IsType<ModelFit<BgNbdModel>.Fitted>(BgNbdFitter.Fit(Split.Histories)));

    private static readonly Lazy<ModelFit<GammaGammaModel>.Fitted> LazyGammaGamma = new(() => Assert.IsType<ModelFit<GammaGammaModel>.Fitted>(GammaGammaFitter.Fit(Split.Spends)));

    public static CalibrationSplit Split => LazySplit.Value;

    public static ModelFit<BgNbdModel>.Fitted BgNbd => LazyBgNbd.Value;

    public static ModelFit<GammaGammaModel>.Fitted GammaGamma => LazyGammaGamma.Value;

    /// <summary>Every line of CDNOW_sample.txt: master id, date, dollars (the line's total value, all CDs together).</summary>
    public static IEnumerable<CustomerTransaction> Transactions() =>
        Datasets.CdnowSample().SelectMany(c => c.Value.Select(p => new CustomerTransaction(CustomerId.Parse(c.Key), p.Day, p.Dollars)));
}
