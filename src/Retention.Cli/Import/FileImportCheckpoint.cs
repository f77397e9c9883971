using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Retention.Application.Import;

namespace Retention.Cli.Import;

/// <summary>
/// The import's progress in <c>FILE.import-state</c> beside the file (or, when that folder is read-only, in the temp
/// folder under a name derived from the file's path). A saved state counts only for the same file start, format and
/// store: its identity is a hash of the first 64 KiB of the file, the format, the storage connection and the table
/// prefix, so a state of another store or another export is ignored and the import starts at the top (which is always
/// safe: what is stored replays).
/// </summary>
internal sealed class FileImportCheckpoint : IImportCheckpoint
{
    private const int Version = 1;
    private const int IdentityBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _identity;

    private FileImportCheckpoint(string path, string identity)
    {
        Path = path;
        _identity = identity;
    }

    public string Path { get; }

    public static FileImportCheckpoint For(FileInfo file, ImportFormat format, string storageTarget)
    {
        var head = new byte[(int)Math.Min(IdentityBytes, file.Length)];
        using (var stream = file.OpenRead())
        {
            stream.ReadExactly(head);
        }
        var identity = Convert.ToHexStringLower(SHA256.HashData(
            [.. Encoding.UTF8.GetBytes($"{ImportFormats.NameOf(format)}\n{storageTarget}\n"), .. head]));
        var beside = file.FullName + ".import-state";
        var path = CanWrite(beside)
            ? beside
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "retention-import",
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.FullName)))[..16] + ".import-state");
        return new FileImportCheckpoint(path, identity);
    }

    public ImportCheckpointState? Read()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return null;
            }
            var saved = JsonSerializer.Deserialize<SavedState>(File.ReadAllText(Path), Json);
            return saved is { Version: Version } && saved.Identity == _identity && saved.Items >= 0
                ? new ImportCheckpointState(saved.Items, saved.Rows, saved.Complete)
                : null;
        }
        catch (JsonException)
        {
            // A damaged state file only costs speed: start at the top, which replays safely.
            return null;
        }
    }

    public void Write(ImportCheckpointState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(
            new SavedState(Version, _identity, state.Items, state.Rows, state.Complete, DateTimeOffset.UtcNow), Json));
        File.Move(temporary, Path, overwrite: true);
    }

    public void Clear() => File.Delete(Path);

    /// <summary>
    /// Whether a state file may go there: the folder must be writable by its mode bits too, so that a folder meant to be
    /// read-only (shared data sets) stays untouched even for root, who may write anywhere.
    /// </summary>
    private static bool CanWrite(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(folder) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
        {
            return false;
        }
        var probe = path + ".tmp";
        try
        {
            using (File.Create(probe))
            {
            }
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private sealed record SavedState(int Version, string Identity, int Items, int Rows, bool Complete, DateTimeOffset UpdatedAt);
}
