namespace Retention.Application.Ports;

/// <summary>The queue could not be reached, or refused us, after the client's retries. Publishing again is safe (message ids dedupe).</summary>
public sealed class MessagingUnavailableException : Exception
{
    public MessagingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessagingUnavailableException()
    {
    }

    public MessagingUnavailableException(string message)
        : base(message)
    {
    }
}
