using System.Reflection;

namespace Retention.Architecture.Tests;

internal static class Repo
{
    public static string Root { get; } = Retention.DevServers.RepoRoot.Find();

    /// <summary>Release or Debug: the configuration these tests were built with, which the Functions app was built with too.</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
