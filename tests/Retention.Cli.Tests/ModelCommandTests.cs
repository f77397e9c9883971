using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Retention.Cli.Tests;

/// <summary>Runs the real `retention model` as a process on the CDNOW sample and on small files.</summary>
public sealed class ModelCommandTests
{
    private static readonly string CdnowSample = Dataset("cdnow", "CDNOW_sample.txt");

    [Fact]
    public async Task Model_CdnowSampleJson_ReportsThePublishedParametersAndTheHoldoutCheck()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["model", "--input", CdnowSample, "--calibration-end", "1997-09-30", "--json"]);

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("cdnow", root.GetProperty("format").GetString());
        Assert.Equal(2357, root.GetProperty("customers").GetInt32());
        Assert.Equal(946, root.GetProperty("repeatCustomers").GetInt32());
        Assert.Equal(39.0, root.GetProperty("holdout").GetProperty("length").GetDouble(), 1e-9);
        var bgNbd = Parameters(root.GetProperty("bgNbd"));
        Assert.Equal(0.243, bgNbd["r"], 0.01);
        Assert.Equal(4.414, bgNbd["alpha"], 0.01);
        Assert.Equal(0.793, bgNbd["a"], 0.01);
        Assert.Equal(2.426, bgNbd["b"], 0.01);
        Assert.Equal(-9582.4, root.GetProperty("bgNbd").GetProperty("logLikelihood").GetDouble(), 0.5);
        var gammaGamma = Parameters(root.GetProperty("gammaGamma"));
        Assert.Equal(6.25, gammaGamma["p"], 0.05);
        Assert.Equal(3.74, gammaGamma["q"], 0.05);
        Assert.Equal(15.44, gammaGamma["gamma"], 0.05);
        var bins = root.GetProperty("holdoutCheck").EnumerateArray().ToList();
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], bins.Select(b => b.GetProperty("bin").GetString()));
        Assert.Equal(2357, bins.Sum(b => b.GetProperty("customers").GetInt32()));
    }

    [Fact]
    public async Task Model_CdnowSampleTable_PrintsParametersAndDiagnostics()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["model", "--input", CdnowSample, "--calibration-end", "1997-09-30", "--unit", "week"]);

        Assert.True(exitCode == 0, stderr);
        foreach (var text in new[] { "BG/NBD", "Gamma-Gamma", "alpha", "Standard error", "log-likelihood", "Holdout check", "7+" })
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1996-12-31")]
    [InlineData("1998-07-01")]
    public async Task Model_CalibrationEndOutsideTheData_FailsNamingTheOption(string day)
    {
        var (exitCode, stdout, stderr) = await RunAsync(["model", "--input", CdnowSample, "--calibration-end", day]);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout.Trim());
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: --calibration-end " + day + " is outside the data", line, StringComparison.Ordinal);
        Assert.Contains("1997-01-01 to 1998-06-30", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_WrongFormat_FailsNamingTheOption()
    {
        var (exitCode, _, stderr) = await RunAsync(["model", "--input", CdnowSample, "--format", "purchases-csv", "--calibration-end", "1997-09-30"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --format purchases-csv: CDNOW_sample.txt looks like cdnow", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_MissingFile_FailsNamingTheOption()
    {
        var (exitCode, _, stderr) = await RunAsync(["model", "--input", "/nonexistent/purchases.csv", "--calibration-end", "2024-01-31"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --input: file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_CsvOfOneTimeBuyers_SaysTheModelCannotBeFitted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"model-one-time-{Guid.NewGuid():N}.csv");
        var lines = Enumerable.Range(1, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i},2024-01-{1 + (i % 28):00},{10 + i}.50"));
        await File.WriteAllLinesAsync(file, ["customer_id,date,amount", .. lines, "c1,2024-03-05,12.00"]);
        try
        {
            var (exitCode, _, stderr) = await RunAsync(["model", "--input", file, "--calibration-end", "2024-02-29", "--unit", "day"]);

            Assert.Equal(1, exitCode);
            Assert.Contains("Cannot fit BG/NBD", stderr, StringComparison.Ordinal);
            Assert.Contains("Nobody bought again", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ModelHelp_ExplainsEveryOption()
    {
        var (exitCode, stdout, _) = await RunAsync(["model", "--help"]);

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--input", "--format", "--calibration-end", "--unit", "--json", "docs/models.md" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>A file of the public data sets in ../shared/datasets, beside the repository.</summary>
    private static string Dataset(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return Path.Combine([candidate, .. parts]);
            }
        }
        throw new DirectoryNotFoundException("shared/datasets was not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, double> Parameters(JsonElement fit) =>
        fit.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetDouble());

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] arguments) =>
        CliProcess.RunAsync(arguments, TimeSpan.FromSeconds(60));
}
