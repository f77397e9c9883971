using System.Collections.Concurrent;
using System.Diagnostics;

namespace Retention.DevServers;

/// <summary>Kills the servers this process started when it exits, even when nobody disposed them (a test run that is aborted).</summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    public static void Track(Process process)
    {
        var id = process.Id;
        Running[id] = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => Running.TryRemove(id, out _);
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }
        }
    }
}
