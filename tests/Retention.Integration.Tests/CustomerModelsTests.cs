using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Import;
using Retention.Application.Models;
using Retention.Application.Ports;
using Retention.Application.Reports;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// The nightly customer-base models on CDNOW through the real path: the file imported through ingest into Azurite,
/// summaries read back, store days and weeks as the nightly job counts them, predictions written to the predictions
/// table and the summary stored in the snapshot. The parameters must be the published ones (FHL 2005; note 025).
/// </summary>
public sealed class CustomerModelsTests
{
    private static readonly ReportOptions Monthly = new(Granularity.Month, RetentionMode.On, ReportValues.Percent);

    [Fact]
    public async Task FitCustomerModels_Cdnow_ReproducesThePublishedParametersAndStoresEveryPrediction()
    {
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Store:Currency"] = "USD",
            ["Store:TimeZone"] = "UTC",
        });
        using (var reader = new StreamReader(Datasets.Path("cdnow", "CDNOW_sample.txt")))
        {
            await api.Services.GetRequiredService<ImportPurchases>().ExecuteAsync(reader, "USD", null, CancellationToken.None);
        }
        var calculator = api.Services.GetRequiredService<RetentionCalculator>();

        var run = await api.Services.GetRequiredService<FitCustomerModels>()
            .ExecuteAsync(calculator.Calendar.StartOf(new DateOnly(1997, 10, 1)), CancellationToken.None);

        Assert.True(run.Fitted, run.Reason);
        Assert.Equal(new DateOnly(1997, 9, 30), run.AsOf);
        Assert.Equal((2_357, 946), (run.Customers, run.RepeatCustomers));
        var bgNbd = run.PurchaseParameters.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(0.243, bgNbd["r"], 0.01);
        Assert.Equal(4.414, bgNbd["alpha"], 0.01);
        Assert.Equal(0.793, bgNbd["a"], 0.01);
        Assert.Equal(2.426, bgNbd["b"], 0.01);
        Assert.Equal(-9582.4, run.LogLikelihood!.Value, 0.5);
        var gammaGamma = run.SpendParameters.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(6.25, gammaGamma["p"], 0.05);
        Assert.Equal(3.74, gammaGamma["q"], 0.05);
        Assert.Equal(15.44, gammaGamma["gamma"], 0.05);

        // Hardie's worked example, customer 4: x = 2, t_x = 30.43, T = 38.86 weeks.
        var stored = await api.Services.GetRequiredService<ICustomerPredictions>().FindAsync(CustomerId.Parse("00004"), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(new DateOnly(1997, 9, 30), stored.AsOf);
        Assert.Equal(run.Predictions[CustomerId.Parse("00004")], stored.Prediction);
        Assert.Equal(2, stored.Prediction.RepeatPurchases);
        Assert.Equal(new DateOnly(1997, 8, 2), stored.Prediction.LastPurchase);
        Assert.Equal(0.727, stored.Prediction.ProbabilityAlive, 0.001);
        Assert.Equal(36.73m, stored.Prediction.Clv12Months);
        Assert.Null(await api.Services.GetRequiredService<ICustomerPredictions>().FindAsync(CustomerId.Parse("no-such-customer"), CancellationToken.None));
        Assert.Equal(2_357, await CountRowsAsync(api, "predictions"));
        Assert.Equal(10, run.AtRisk.Length);

        var snapshot = (await calculator.ComputeAsync(run.AsOf, CancellationToken.None)).Snapshot with { Models = run.Summary };
        var snapshots = api.Services.GetRequiredService<ISnapshotStore>();
        await snapshots.SaveAsync(snapshot, CancellationToken.None);
        var loaded = await snapshots.FindAsync(run.AsOf, CancellationToken.None);
        Assert.Equal(ReportRenderer.JsonDocument(snapshot, Monthly), ReportRenderer.JsonDocument(loaded!, Monthly));
        Assert.Equal(run.AtRisk.ToArray(), loaded!.Models!.AtRisk.ToArray());
    }

    [Fact]
    public async Task Snapshot_WithoutModels_LoadsWithNullModels()
    {
        await using var api = await TestApi.StartAsync();
        var calculator = api.Services.GetRequiredService<RetentionCalculator>();
        var snapshots = api.Services.GetRequiredService<ISnapshotStore>();
        var (snapshot, _, _) = await calculator.ComputeAsync(new DateOnly(2026, 1, 31), CancellationToken.None);

        await snapshots.SaveAsync(snapshot, CancellationToken.None);

        Assert.Null((await snapshots.FindAsync(new DateOnly(2026, 1, 31), CancellationToken.None))!.Models);
    }

    private static async Task<int> CountRowsAsync(TestApi api, string table)
    {
        var count = 0;
        await foreach (var _ in new TableServiceClient(api.ConnectionString).GetTableClient(api.TablePrefix + table).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }
}
