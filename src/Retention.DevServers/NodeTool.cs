using System.Diagnostics;

namespace Retention.DevServers;

/// <summary>Runs scripts of the repo's npm packages with the machine's Node.js.</summary>
internal static class NodeTool
{
    public static string ScriptPath(string repoRoot, string relativeScript)
    {
        var path = Path.Combine(repoRoot, "node_modules", relativeScript);
        if (!File.Exists(path))
        {
            throw new DevServerException($"{relativeScript} is not installed. Run 'npm ci' in {repoRoot} (the ./retention script does it for you).");
        }
        return path;
    }

    /// <summary>A script committed in this repo (under <c>src/Retention.DevServers/node</c>) that needs <paramref name="package"/> from node_modules.</summary>
    public static string RepoScriptPath(string repoRoot, string fileName, string package)
    {
        if (!File.Exists(Path.Combine(repoRoot, "node_modules", package, "package.json")))
        {
            throw new DevServerException($"The npm package {package} is not installed. Run 'npm ci' in {repoRoot} (the ./retention script does it for you).");
        }
        var path = Path.Combine(repoRoot, "src", "Retention.DevServers", "node", fileName);
        if (!File.Exists(path))
        {
            throw new DevServerException($"{path} is missing; it is part of the repository (git checkout it).");
        }
        return path;
    }

    public static Process Start(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            return Process.Start(start) ?? throw new DevServerException("Node.js did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DevServerException("Node.js is not installed or not on PATH. Install Node.js 20 or later (Debian: apt-get install nodejs npm).", ex);
        }
    }

    /// <summary>
    /// Stops a server with SIGTERM, so that it can flush its data and close cleanly, and kills it only if it has not
    /// exited after 10 seconds.
    /// </summary>
    public static async Task StopGracefullyAsync(Process process)
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term!.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
    }
}
