using Retention.DevServers;

namespace Retention.Cli.Tests;

/// <summary>`retention import` as a process against its own Azurite, with files in a temp folder (so the saved progress lands beside them).</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly string _tablePrefix = "cli" + Guid.NewGuid().ToString("N")[..8];
    private AzuriteServer? _azurite;
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(RepoRoot.Find());
        // Made after Azurite started: when the start fails, xunit does not call DisposeAsync, and nothing is left behind.
        _folder = Directory.CreateTempSubdirectory("retention-import-").FullName;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        if (_folder.Length > 0)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task ImportHelp_ListsFormatsAndOptions()
    {
        var (exitCode, stdout, _) = await CliProcess.RunAsync(["import", "--help"], TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        foreach (var word in new[] { "shopify-csv", "woocommerce-json", "online-retail", "cdnow", "purchases-csv", "auto", "--skip-bad", "--restart", "--currency", "docs/import.md" })
        {
            Assert.Contains(word, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_ShopifyExport_SummaryThenNothingToDoThenRestartReplays()
    {
        var file = Path.Combine(_folder, "orders_export_1.csv");
        File.Copy(Path.Combine(RepoRoot.Find(), "tests", "Retention.Application.Tests", "Import", "Fixtures", "shopify_orders_export.csv"), file);

        var first = await RunAsync(["import", file]);
        var second = await RunAsync(["import", file]);
        var restarted = await RunAsync(["import", file, "--restart", "--format", "shopify-csv"]);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Contains("Imported orders_export_1.csv (shopify-csv): 11 rows", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Purchases: 5 recorded, 0 already there, 0 in conflict, 0 unavailable.", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Refunds: 2 recorded, 0 already there.", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cancellations: 1 recorded, 0 already there.", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Skipped rows: 3:", first.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"1\s+financial status pending \(not paid\)", first.Stdout);
        Assert.Matches(@"1\s+no customer id or email", first.Stdout);
        Assert.True(File.Exists(file + ".import-state"));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("was imported completely into this store before (11 rows); nothing to do.", second.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, restarted.ExitCode);
        Assert.Contains("Purchases: 0 recorded, 5 already there, 0 in conflict, 0 unavailable.", restarted.Stdout, StringComparison.Ordinal);
        Assert.Contains("Refunds: 0 recorded, 2 already there.", restarted.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cancellations: 0 recorded, 1 already there.", restarted.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadLine_StopsNamingLineAndColumnThenSkipBadSkipsAndReportsIt()
    {
        var file = Path.Combine(_folder, "purchases.csv");
        await File.WriteAllTextAsync(file, "orderId,customerId,purchasedAt,Total\no1,c1,2025-01-01,10\no2,c2,2025-01-02,ten\no3,c1,2025-01-03,30\n");

        var stopped = await RunAsync(["import", file]);
        var skipped = await RunAsync(["import", file, "--skip-bad"]);

        Assert.Equal(2, stopped.ExitCode);
        Assert.Contains("error: line 3, column \"Total\": must be a number such as 12.50 (got 'ten')", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("--skip-bad", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("Purchases: 1 recorded", stopped.Stdout, StringComparison.Ordinal);

        Assert.True(skipped.ExitCode == 0, skipped.Stdout + skipped.Stderr);
        Assert.Contains("skipped bad row: line 3, column \"Total\": must be a number such as 12.50 (got 'ten')", skipped.Stderr, StringComparison.Ordinal);
        Assert.Contains("Resumed: 1 rows done by an earlier run were passed over.", skipped.Stdout, StringComparison.Ordinal);
        Assert.Contains("Purchases: 1 recorded, 0 already there", skipped.Stdout, StringComparison.Ordinal);
        Assert.Contains("Bad rows skipped: 1", skipped.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HeaderWithoutNeededColumns_FailsInOneLine()
    {
        var file = Path.Combine(_folder, "orders.csv");
        await File.WriteAllTextAsync(file, "Name,Email,Total\n#1,a@example.com,5\n");

        var (exitCode, _, stderr) = await RunAsync(["import", file, "--format", "shopify-csv"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: Line 1: a Shopify orders export needs the columns Financial Status, Paid at or Created at", stderr, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] arguments) =>
        CliProcess.RunAsync(arguments, TimeSpan.FromSeconds(120), new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = _azurite!.ConnectionString,
            ["Storage__TablePrefix"] = _tablePrefix,
            ["Store__Currency"] = "EUR",
        });
}
