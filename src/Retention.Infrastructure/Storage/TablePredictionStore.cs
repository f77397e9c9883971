using System.Globalization;
using Azure.Data.Tables;
using Retention.Application.Models;
using Retention.Application.Ports;
using Retention.Domain.Customers;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// <c>{prefix}predictions</c>: partition = the customer's hash bucket (<see cref="TableKeys.CustomerPartition"/>), row =
/// the escaped customer id; one row per customer, replaced by every nightly run (upsert), written in entity-group
/// transactions of up to 100 rows of one partition, several partitions at a time. Columns: ProbabilityAlive,
/// ExpectedPurchases30, ExpectedPurchases90 (doubles), NextOrderDue, LastPurchase and AsOf (store days, yyyy-MM-dd;
/// NextOrderDue absent when none), Clv12Months and ValueLost (invariant decimal strings in the store currency),
/// RepeatPurchases. Kept apart from the customer summary, which ingest rewrites under an ETag at every purchase.
/// </summary>
internal sealed class TablePredictionStore(RetentionTables tables) : ICustomerPredictions
{
    private const int MaxBatch = 100;
    private const int Parallelism = 8;
    private const string DayFormat = "yyyy-MM-dd";

    public async Task SaveAsync(DateOnly asOf, IReadOnlyDictionary<CustomerId, CustomerPrediction> predictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        await tables.EnsureCreatedAsync(cancellationToken);
        var day = asOf.ToString(DayFormat, CultureInfo.InvariantCulture);
        var partitions = predictions.GroupBy(p => TableKeys.CustomerPartition(p.Key), StringComparer.Ordinal);
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach (var chunk in partition.Chunk(MaxBatch))
                {
                    var actions = chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition.Key, day, p.Key, p.Value)));
                    await StorageGuard.RunAsync(() => tables.Predictions.SubmitTransactionAsync(actions, ct), ct);
                }
            });
    }

    public async Task<StoredPrediction?> FindAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await StorageGuard.RunAsync(() => tables.Predictions.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CustomerPartition(customerId), TableKeys.Escape(customerId.Value), cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? Parse(customerId, row.Value!) : null;
    }

    private static TableEntity ToEntity(string partition, string asOf, CustomerId customerId, CustomerPrediction prediction)
    {
        var entity = new TableEntity(partition, TableKeys.Escape(customerId.Value))
        {
            ["AsOf"] = asOf,
            ["RepeatPurchases"] = prediction.RepeatPurchases,
            ["LastPurchase"] = prediction.LastPurchase.ToString(DayFormat, CultureInfo.InvariantCulture),
            ["ProbabilityAlive"] = prediction.ProbabilityAlive,
            ["ExpectedPurchases30"] = prediction.ExpectedPurchases30Days,
            ["ExpectedPurchases90"] = prediction.ExpectedPurchases90Days,
            ["Clv12Months"] = prediction.Clv12Months.ToString(CultureInfo.InvariantCulture),
            ["ValueLost"] = prediction.ValueLost.ToString(CultureInfo.InvariantCulture),
        };
        if (prediction.NextOrderDue is { } due)
        {
            entity["NextOrderDue"] = due.ToString(DayFormat, CultureInfo.InvariantCulture);
        }
        return entity;
    }

    private static StoredPrediction Parse(CustomerId customerId, TableEntity entity) => new(
        customerId,
        Day(entity.GetString("AsOf")),
        new CustomerPrediction(
            entity.GetInt32("RepeatPurchases") ?? 0,
            Day(entity.GetString("LastPurchase")),
            entity.GetDouble("ProbabilityAlive") ?? 0,
            entity.GetDouble("ExpectedPurchases30") ?? 0,
            entity.GetDouble("ExpectedPurchases90") ?? 0,
            entity.GetString("NextOrderDue") is { } due ? Day(due) : null,
            decimal.Parse(entity.GetString("Clv12Months"), NumberStyles.Number, CultureInfo.InvariantCulture),
            decimal.Parse(entity.GetString("ValueLost"), NumberStyles.Number, CultureInfo.InvariantCulture)));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);
}
