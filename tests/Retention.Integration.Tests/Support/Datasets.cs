namespace Retention.Integration.Tests.Support;

/// <summary>The public data sets in ../shared/datasets, beside the repository.</summary>
internal static class Datasets
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }
        throw new DirectoryNotFoundException("shared/datasets was not found above " + AppContext.BaseDirectory);
    }
}
