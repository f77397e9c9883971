namespace Retention.DevServers;

/// <summary>A local server could not be started; the message says what to do, in one line.</summary>
public sealed class DevServerException : Exception
{
    public DevServerException()
    {
    }

    public DevServerException(string message)
        : base(message)
    {
    }

    public DevServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
