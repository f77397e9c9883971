using System.Diagnostics;
using System.Text;

namespace Retention.DevServers;

/// <summary>
/// Azurite, the Azure Storage emulator, started from the repo's pinned npm package on loopback ports.
/// In memory by default; with a data directory it keeps its data across restarts (the fault test restarts it).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>The well-known development account key, public by design.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string Script = "azurite/dist/src/azurite.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _script;
    private readonly string? _dataDirectory;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteServer(string script, int blobPort, int queuePort, int tablePort, string? dataDirectory)
    {
        _script = script;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _dataDirectory = dataDirectory;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>An explicit-endpoint connection string (custom ports need one; <c>UseDevelopmentStorage=true</c> means 10000-10002).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts Azurite on the given ports (0 = any free port).</summary>
    /// <param name="dataDirectory">Where to keep data; null keeps it in memory only.</param>
    public static async Task<AzuriteServer> StartAsync(
        string repoRoot, int blobPort = 0, int queuePort = 0, int tablePort = 0, string? dataDirectory = null, CancellationToken cancellationToken = default)
    {
        var script = NodeTool.ScriptPath(repoRoot, Script);
        var server = new AzuriteServer(script,
            blobPort == 0 ? Ports.FindFree() : blobPort,
            queuePort == 0 ? Ports.FindFree() : queuePort,
            tablePort == 0 ? Ports.FindFree() : tablePort,
            dataDirectory);
        foreach (var port in new[] { server.BlobPort, server.QueuePort, server.TablePort })
        {
            if (!Ports.IsFree(port))
            {
                throw new DevServerException($"Port {port} is already in use, so Azurite cannot start there. Stop what uses it, or point Storage__ConnectionString at your own Azurite.");
            }
        }
        await server.StartProcessAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops Azurite gracefully (SIGTERM, so it saves its data) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        // SIGTERM lets Azurite flush its database to disk.
        await NodeTool.StopGracefullyAsync(process);
    }

    /// <summary>Stops and starts again on the same ports and data directory.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            // Telemetry would reach out to the internet, and keeps the process alive for 15 s or more after SIGTERM,
            // which turned every graceful stop into a kill after the 10 s timeout.
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (_dataDirectory is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(_dataDirectory);
            arguments.AddRange(["--location", _dataDirectory]);
        }
        var process = NodeTool.Start(_script, arguments);
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        ChildProcesses.Track(process);

        if (!await Ports.WaitUntilListeningAsync(TablePort, StartTimeout, () => process.HasExited, cancellationToken))
        {
            var output = Output();
            await StopAsync();
            throw new DevServerException($"Azurite did not start within {StartTimeout.TotalSeconds:0} s. {output}".Trim());
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 8000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
