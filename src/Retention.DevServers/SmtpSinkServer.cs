using System.Diagnostics;
using System.Globalization;

namespace Retention.DevServers;

/// <summary>
/// A test SMTP server (<c>node/smtp-sink.js</c> on the pinned npm package smtp-server) on a free loopback port. It keeps
/// every message it accepts, raw, as <c>{n}.eml</c> in a fresh temporary <see cref="Directory"/> (n = 1, 2, ... in
/// arrival order; its reply is <c>250 OK: queued as {n}</c>), so tests load them with <c>MimeMessage.Load</c>.
/// No TLS and authentication optional (any user name and password pass).
/// Magic names make it refuse: recipient <c>reject@...</c> gets 550, <c>defer@...</c> gets 451, user name <c>wrong</c> gets 535.
/// </summary>
public sealed class SmtpSinkServer : IAsyncDisposable
{
    public const string RejectedLocalPart = "reject";
    public const string DeferredLocalPart = "defer";
    public const string WrongUserName = "wrong";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ProcessOutput _output;
    private int _disposed;

    private SmtpSinkServer(Process process, ProcessOutput output, int port, string directory)
    {
        _process = process;
        _output = output;
        Port = port;
        Directory = directory;
    }

    public const string Host = "127.0.0.1";

    public int Port { get; }

    /// <summary>Where the received messages are written; deleted on dispose.</summary>
    public string Directory { get; }

    public bool IsRunning => Volatile.Read(ref _disposed) == 0 && !_process.HasExited;

    /// <summary>Starts the sink on a port the OS picks, and returns once it accepts connections.</summary>
    public static async Task<SmtpSinkServer> StartAsync(string repoRoot, CancellationToken cancellationToken = default)
    {
        var script = NodeTool.RepoScriptPath(repoRoot, "smtp-sink.js", "smtp-server");
        var directory = System.IO.Directory.CreateTempSubdirectory("retention-smtp-sink-").FullName;
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Process process;
        try
        {
            process = NodeTool.Start(script, ["0", directory]);
        }
        catch (DevServerException)
        {
            DeleteQuietly(directory);
            throw;
        }
        ChildProcesses.Track(process);
        var output = new ProcessOutput();
        output.Capture(process, line =>
        {
            if (line.StartsWith("listening on ", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan("listening on ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                listening.TrySetResult(port);
            }
        });
        process.Exited += (_, _) => listening.TrySetException(new DevServerException($"The SMTP sink exited before listening. {output}".Trim()));

        try
        {
            var port = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            return new SmtpSinkServer(process, output, port, directory);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or DevServerException)
        {
            await StopAsync(process);
            DeleteQuietly(directory);
            if (ex is TimeoutException)
            {
                throw new DevServerException($"The SMTP sink did not start within {StartTimeout.TotalSeconds:0} s. {output}".Trim(), ex);
            }
            throw;
        }
    }

    /// <summary>The received messages' files, in arrival order.</summary>
    public IReadOnlyList<string> MessageFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.eml")
            .Select(path => (Path: path, Number: int.Parse(Path.GetFileNameWithoutExtension(path), CultureInfo.InvariantCulture)))
            .OrderBy(file => file.Number)
            .Select(file => file.Path)
            .ToList();

    /// <summary>The file of the message the sink answered with <c>queued as {queueId}</c>.</summary>
    public string MessageFile(string queueId) => Path.Combine(Directory, queueId + ".eml");

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; throws <see cref="TimeoutException"/> when they do not.</summary>
    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var files = MessageFiles();
            if (files.Count >= count)
            {
                return files;
            }
            if (Stopwatch.GetTimestamp() > deadline || _process.HasExited)
            {
                throw new TimeoutException(
                    $"The SMTP sink received {files.Count} of {count} messages within {timeout.TotalSeconds:0.#} s{(_process.HasExited ? $" and exited. {_output}" : ".")}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await StopAsync(_process);
        DeleteQuietly(Directory);
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            // Nothing to flush: every message is on disk before the sink replies 250.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless; the OS cleans /tmp.
        }
    }
}
