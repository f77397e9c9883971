namespace Retention.Cli.Commands;

/// <summary>An error the user can fix; printed as one line on stderr, with exit code 1.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
