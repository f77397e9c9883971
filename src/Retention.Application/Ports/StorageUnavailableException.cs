namespace Retention.Application.Ports;

/// <summary>
/// Storage could not be reached or kept failing after retries. Nothing was half-written: the caller may
/// retry the same request, and the HTTP layer answers 503.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
