namespace Retention.Architecture.Tests;

/// <summary>One run of a command: exit code and both streams.</summary>
internal sealed record BicepRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Diagnostic lines (<c>file(line,col) : Warning rule: ...</c>, errors, info) from either stream.</summary>
    public IReadOnlyList<string> DiagnosticLines { get; } =
        [.. (Stdout + "\n" + Stderr).Split('\n').Where(l => l.Contains(" : Warning ", StringComparison.Ordinal)
            || l.Contains(" : Error ", StringComparison.Ordinal) || l.Contains(" : Info ", StringComparison.Ordinal))];

    public string Diagnostics => Stderr.Length > 0 ? Stderr : string.Join('\n', DiagnosticLines);
}
