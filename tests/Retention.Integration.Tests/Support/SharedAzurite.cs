using Retention.DevServers;

namespace Retention.Integration.Tests.Support;

/// <summary>
/// One in-memory Azurite for the whole test run, started on free ports at first use and killed when the test
/// process exits. Tests stay independent by using fresh table names (<see cref="TestApi"/> gives each a prefix).
/// It fails, never skips, when Azurite cannot start (run `npm ci` first; ./test.sh does).
/// </summary>
internal static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteServer>> Server = new(() => AzuriteServer.StartAsync(RepoRoot.Find()));

    public static Task<AzuriteServer> GetAsync() => Server.Value;
}
