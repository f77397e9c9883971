using System.Diagnostics;
using System.Text.Json;

namespace Retention.Architecture.Tests;

/// <summary>
/// The Bicep CLI from NuGet (tools/Bicep restores Azure.Bicep.CommandLine.linux-x64), run on infra/main.bicep. A machine
/// without it fails these tests, under CI and elsewhere: infra that was never compiled must not look green.
/// </summary>
internal static class InfraBicep
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> Executable = new(Locate);

    private static readonly Lazy<BicepRun> BuildRun = new(() => Run("build", MainFile, "--stdout"));

    private static readonly Lazy<JsonElement> Compiled = new(() =>
    {
        var build = BuildRun.Value;
        Assert.True(build.ExitCode == 0, $"bicep build failed ({build.ExitCode}):\n{build.Diagnostics}");
        using var document = JsonDocument.Parse(build.Stdout);
        return document.RootElement.Clone();
    });

    public static string MainFile => Repo.Path("infra", "main.bicep");

    /// <summary>The result of <c>bicep build infra/main.bicep --stdout</c>, run once.</summary>
    public static BicepRun Build => BuildRun.Value;

    /// <summary>The compiled ARM template (nested deployments inline), compiled once per test run.</summary>
    public static JsonElement Template => Compiled.Value;

    public static BicepRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Execute(start);
    }

    /// <summary>
    /// <c>dotnet msbuild tools/Bicep/Bicep.csproj -getProperty:BicepPath</c>: the package's own props name the binary, so a
    /// version bump in Directory.Packages.props needs no change here.
    /// </summary>
    private static string Locate()
    {
        var project = Repo.Path("tools", "Bicep", "Bicep.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in new[] { "msbuild", project, "-nologo", "-getProperty:BicepPath" })
        {
            start.ArgumentList.Add(argument);
        }
        var result = Execute(start);
        var path = result.Stdout.Trim();
        Assert.True(result.ExitCode == 0 && path.Length > 0 && File.Exists(path),
            $"The Bicep CLI was not found (BicepPath '{path}'). Restore it with `dotnet restore tools/Bicep/Bicep.csproj` "
            + $"(.ci/run does; it needs the NuGet package Azure.Bicep.CommandLine.linux-x64).\n{result.Diagnostics}");
        return path;
    }

    private static BicepRun Execute(ProcessStartInfo start)
    {
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}.");
        }
        process.WaitForExit();
        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
