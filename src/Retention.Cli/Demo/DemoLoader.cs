using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Retention.Cli.Demo;

/// <summary>Posts the demo store through the public HTTP API, exactly as a storefront would, with a progress bar.</summary>
internal static class DemoLoader
{
    private const int BatchSize = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record LoadResult(int Recorded, int Replayed, int Other, int Refunds, int Cancellations);

    public static async Task<LoadResult> LoadAsync(HttpClient api, DemoStore.DemoStoreData data, CancellationToken cancellationToken)
    {
        int recorded = 0, replayed = 0, other = 0, refunds = 0, cancellations = 0;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var purchases = progress.AddTask("Demo purchases", maxValue: data.Purchases.Count);
                foreach (var chunk in data.Purchases.Chunk(BatchSize))
                {
                    using var response = await api.PostAsJsonAsync("purchases/batch", new { purchases = chunk }, Json, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                    var summary = body.RootElement.GetProperty("summary");
                    recorded += summary.GetProperty("recorded").GetInt32();
                    replayed += summary.GetProperty("replayed").GetInt32();
                    other += chunk.Length - summary.GetProperty("recorded").GetInt32() - summary.GetProperty("replayed").GetInt32();
                    purchases.Increment(chunk.Length);
                }
                var changes = progress.AddTask("Refunds and cancellations", maxValue: data.Refunds.Count + data.Cancellations.Count);
                foreach (var refund in data.Refunds)
                {
                    using var response = await api.PostAsJsonAsync($"orders/{Uri.EscapeDataString(refund.OrderId)}/refunds",
                        new { refund.RefundId, refund.Amount, refund.RefundedAt }, Json, cancellationToken);
                    refunds += response.IsSuccessStatusCode ? 1 : 0;
                    changes.Increment(1);
                }
                foreach (var orderId in data.Cancellations)
                {
                    using var response = await api.PostAsync($"orders/{Uri.EscapeDataString(orderId)}/cancel", null, cancellationToken);
                    cancellations += response.IsSuccessStatusCode ? 1 : 0;
                    changes.Increment(1);
                }
            });
        return new LoadResult(recorded, replayed, other, refunds, cancellations);
    }
}
