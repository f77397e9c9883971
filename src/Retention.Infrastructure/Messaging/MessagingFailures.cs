using Azure.Messaging.ServiceBus;

namespace Retention.Infrastructure.Messaging;

/// <summary>The Service Bus failures our adapters turn into <see cref="Application.Ports.MessagingUnavailableException"/>, and a quiet close.</summary>
internal static class MessagingFailures
{
    /// <summary>The queue could not be reached or refused us: worth reporting as unavailable, not a bug.</summary>
    public static bool IsUnavailable(Exception ex) =>
        ex is ServiceBusException or System.Net.Sockets.SocketException or UnauthorizedAccessException or Azure.Identity.AuthenticationFailedException;

    /// <summary>
    /// Closes a sender or receiver that was opened. Shutting down while the queue is unreachable must not fail: the link
    /// is gone either way, and a host must stop cleanly.
    /// </summary>
    public static async ValueTask CloseQuietlyAsync<T>(Lazy<T> link)
        where T : IAsyncDisposable
    {
        if (!link.IsValueCreated)
        {
            return;
        }
        try
        {
            await link.Value.DisposeAsync();
        }
        catch (Exception ex) when (ex is ServiceBusException or TimeoutException)
        {
            // See the summary: nothing to do.
        }
    }
}
