namespace Retention.Application.Tests.Import;

/// <summary>The fixtures beside these tests and the public data sets in ../shared/datasets, found from the test binaries.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Find(Path.Combine("tests", "Retention.Application.Tests", "Import", "Fixtures", name));

    public static string Dataset(params string[] parts) => Find(Path.Combine(["shared", "datasets", .. parts]));

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, relative), Path.Combine(dir.FullName, "main", relative) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}");
    }
}
