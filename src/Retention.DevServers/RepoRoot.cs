namespace Retention.DevServers;

/// <summary>Finds the repository root (the folder holding <c>RetentionFunctions.sln</c>), where node_modules lives.</summary>
public static class RepoRoot
{
    public const string Marker = "RetentionFunctions.sln";

    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DevServerException($"Cannot find the repository root ({Marker}) above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}.");
    }
}
