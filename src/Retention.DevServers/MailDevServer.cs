using System.Diagnostics;
using System.Globalization;

namespace Retention.DevServers;

/// <summary>
/// MailDev (pinned npm package): an SMTP server on loopback that keeps every message and shows it in a web inbox, so
/// that <c>retention up</c> sends real email that nobody receives. Always with its own mail directory (a fresh temporary
/// folder, deleted on stop): MailDev's default folder is shared by every MailDev on the machine, and its
/// "delete all" button empties it. STARTTLS is hidden, so a client set to <c>Auto</c> does not stumble on MailDev's
/// self-signed certificate. REST API under <c>/api</c>: <c>GET /api/email</c>, <c>GET /api/email/{id}/source</c>.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    public const int StandardSmtpPort = 1025;
    public const int StandardWebPort = 1080;

    private const string Script = "maildev/dist/bin/maildev.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ProcessOutput _output = new();
    private Process? _process;

    private MailDevServer(int smtpPort, int webPort, string mailDirectory)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        MailDirectory = mailDirectory;
    }

    public const string Host = "127.0.0.1";

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>The inbox in a browser, e.g. <c>http://127.0.0.1:1080/</c>; the REST API is under <c>api/</c>.</summary>
    public string WebUrl => $"http://127.0.0.1:{WebPort.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>Where MailDev keeps the messages (<c>.eml</c> files); deleted on stop.</summary>
    public string MailDirectory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts MailDev on the given ports (0 = any free port) and returns once both SMTP and the web API answer.</summary>
    public static async Task<MailDevServer> StartAsync(string repoRoot, int smtpPort = 0, int webPort = 0, CancellationToken cancellationToken = default)
    {
        var script = NodeTool.ScriptPath(repoRoot, Script);
        smtpPort = smtpPort == 0 ? Ports.FindFree() : smtpPort;
        webPort = webPort == 0 ? Ports.FindFree() : webPort;
        foreach (var (port, what) in new[] { (smtpPort, "SMTP"), (webPort, "web inbox") })
        {
            if (!Ports.IsFree(port))
            {
                throw new DevServerException(
                    $"Port {port} is already in use, so MailDev ({what}) cannot start there. Stop what uses it, or set Email__Provider (and Email__Smtp__Host, Email__Smtp__Port) to use your own SMTP server.");
            }
        }
        var server = new MailDevServer(smtpPort, webPort, Directory.CreateTempSubdirectory("retention-maildev-").FullName);
        try
        {
            await server.StartProcessAsync(script, cancellationToken);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
        return server;
    }

    /// <summary>Whether a MailDev answers its health check on this web port (so <c>retention up</c> can reuse one already running).</summary>
    public static async Task<bool> AnswersOnAsync(int webPort, CancellationToken cancellationToken = default)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await http.GetAsync($"http://127.0.0.1:{webPort.ToString(CultureInfo.InvariantCulture)}/api/healthz", cancellationToken);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken)).Trim() == "true";
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops MailDev (SIGTERM, then a kill after 10 s) and deletes its mail directory.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await NodeTool.StopGracefullyAsync(process);
        }
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Already gone, or a file still open: a temp folder left behind is harmless.
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync(string script, CancellationToken cancellationToken)
    {
        var process = NodeTool.Start(script,
        [
            "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture), "--ip", Host,
            "--web", WebPort.ToString(CultureInfo.InvariantCulture), "--web-ip", Host,
            "--mail-directory", MailDirectory,
            "--hide-extensions", "STARTTLS",
        ]);
        _process = process;
        ChildProcesses.Track(process);
        _output.Capture(process);

        if (!await Ports.WaitUntilListeningAsync(SmtpPort, StartTimeout, () => process.HasExited, cancellationToken)
            || !await IsHealthyAsync(process, cancellationToken))
        {
            throw new DevServerException($"MailDev did not start within {StartTimeout.TotalSeconds:0} s. {_output}".Trim());
        }
    }

    private async Task<bool> IsHealthyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(WebUrl + "api/healthz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This probe timed out; try again.
            }
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }
}
