using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Retention.Cli.Tests;

/// <summary>Runs the real `retention` program as a process, as a developer would.</summary>
public sealed class UpCommandTests
{
    [Fact]
    public async Task Up_PortInUse_SaysWhatToDoInOneLineAndFails()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (exitCode, output) = await RunAsync(["up", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-demo"], TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"Port {port} is in use", line, StringComparison.Ordinal);
        Assert.Contains($"--port {port + 1}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpHelp_ExplainsEveryOption()
    {
        var (exitCode, output) = await RunAsync(["up", "--help"], TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--port", "--no-demo", "--data-dir", "--demo-customers", "--verbose", "Azurite", "Ctrl+C" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Up_WithDemo_ServesHealthyApiLoadsDemoAndStopsOnSigterm()
    {
        var port = FreePort();
        using var process = Start(["up", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--demo-customers", "40"]);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!Snapshot(output).Contains("Ready.", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(250);
            }
            Assert.Contains("Ready.", Snapshot(output), StringComparison.Ordinal);
            Assert.Contains("purchases recorded", Snapshot(output), StringComparison.Ordinal);
            Assert.Matches(@"Demo messages: [1-9][0-9]* queued", Snapshot(output));
            Assert.Matches(@"dispatcher\s+run\s+sent\s+[0-9]+", Snapshot(output));
            using var health = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/api/health"));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string Snapshot(System.Text.StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static Process Start(string[] arguments, IReadOnlyDictionary<string, string>? environment = null) => CliProcess.Start(arguments, environment);

    internal static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(arguments, timeout, environment);
        return (exitCode, stdout + stderr);
    }
}
