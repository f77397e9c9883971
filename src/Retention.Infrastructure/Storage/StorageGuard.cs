using Azure;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Storage;

/// <summary>Turns storage and network failures into <see cref="StorageUnavailableException"/>, which the API answers with 503.</summary>
internal static class StorageGuard
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && (ex is RequestFailedException { Status: 0 or >= 500 } or HttpRequestException or IOException or TaskCanceledException or AggregateException))
        {
            throw new StorageUnavailableException("Table Storage could not be reached.", ex);
        }
    }
}
