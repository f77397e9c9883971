using System.Diagnostics;

namespace Retention.Cli.Tests;

/// <summary>The real `retention` program as a process, as a developer runs it, with colours off and a wide terminal.</summary>
internal static class CliProcess
{
    public static Process Start(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Retention.DevServers.RepoRoot.Find(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "retention.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment.Remove("Storage__ConnectionString");
        start.Environment.Remove("ServiceBus__ConnectionString");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end (or fails the test after <paramref name="timeout"/>) and returns the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string[] arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
