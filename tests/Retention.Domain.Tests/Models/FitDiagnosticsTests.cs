using Retention.Domain.Customers;
using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class FitDiagnosticsTests
{
    private static CustomerTransaction Buy(string customer, string day) =>
        new(CustomerId.Parse(customer), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 10m);

    [Fact]
    public void HoldoutByCalibrationFrequency_Cdnow_ExpectedTracksActualInEveryBin()
    {
        var rows = FitDiagnostics.HoldoutByCalibrationFrequency(Cdnow.BgNbd.Model, Cdnow.Split);

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], rows.Select(r => r.Label));
        Assert.Equal(2357, rows.Sum(r => r.Customers));
        Assert.Equal(Cdnow.Split.Customers.Sum(c => c.HoldoutPurchases), rows.Sum(r => r.ActualMean * r.Customers), 1e-9);
        Assert.All(rows, r => Assert.InRange(r.ExpectedMean, (0.7 * r.ActualMean) - 0.05, (1.3 * r.ActualMean) + 0.05));
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.Second.ExpectedMean > pair.First.ExpectedMean));
    }

    [Fact]
    public void HoldoutByCalibrationFrequency_EmptyBins_AreZeroNotNaN()
    {
        var split = CalibrationHoldout.Build([Buy("c1", "2024-01-01"), Buy("c1", "2024-04-10")], new DateOnly(2024, 3, 31), ModelTimeUnit.Week);

        var rows = FitDiagnostics.HoldoutByCalibrationFrequency(new BgNbdModel(0.243, 4.414, 0.793, 2.426), split, lastBin: 3);

        Assert.Equal(["0", "1", "2", "3+"], rows.Select(r => r.Label));
        Assert.Equal(1.0, rows[0].ActualMean);
        Assert.All(rows.Skip(1), r => Assert.Equal((0, 0.0, 0.0), (r.Customers, r.ActualMean, r.ExpectedMean)));
    }

    [Fact]
    public void CalibrationFrequencyHistogram_Cdnow_ExpectedCountsSumToTheCustomersAndTrackActual()
    {
        var histories = Cdnow.Split.Histories;

        var rows = FitDiagnostics.CalibrationFrequencyHistogram(Cdnow.BgNbd.Model, histories);

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], rows.Select(r => r.Label));
        Assert.Equal([1411, 439, 214, 100, 62, 38, 29, 64], rows.Select(r => r.ActualCustomers));
        Assert.Equal(2357.0, rows.Sum(r => r.ExpectedCustomers), 1e-6);
        Assert.All(rows, r => Assert.InRange(r.ExpectedCustomers, (0.75 * r.ActualCustomers) - 5, (1.25 * r.ActualCustomers) + 5));
    }

    [Fact]
    public void CalibrationFrequencyHistogram_CustomersOfAgeZero_AreAllExpectedAtZero()
    {
        var rows = FitDiagnostics.CalibrationFrequencyHistogram(new BgNbdModel(0.243, 4.414, 0.793, 2.426), [default, default, default], lastBin: 2);

        Assert.Equal([3.0, 0.0, 0.0], rows.Select(r => r.ExpectedCustomers));
        Assert.Equal([3, 0, 0], rows.Select(r => r.ActualCustomers));
    }
}
