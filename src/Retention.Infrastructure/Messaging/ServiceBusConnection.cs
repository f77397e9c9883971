using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;

namespace Retention.Infrastructure.Messaging;

/// <summary>The one <see cref="ServiceBusClient"/> of the process (it holds the AMQP connection), created on first use.</summary>
internal sealed class ServiceBusConnection(IOptions<ServiceBusOptions> options) : IAsyncDisposable
{
    private readonly Lazy<ServiceBusClient> _client = new(() => Create(options.Value));

    public ServiceBusClient Client => _client.Value;

    public string QueueName => options.Value.QueueName;

    public TimeSpan ReceiveWait => options.Value.ReceiveWait;

    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
        {
            await _client.Value.DisposeAsync();
        }
    }

    private static ServiceBusClient Create(ServiceBusOptions settings)
    {
        var clientOptions = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 3, TryTimeout = TimeSpan.FromSeconds(30) },
        };
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return new ServiceBusClient(settings.ConnectionString, clientOptions);
        }
        if (!string.IsNullOrWhiteSpace(settings.FullyQualifiedNamespace))
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId) ? null : settings.ManagedIdentityClientId,
            });
            return new ServiceBusClient(settings.FullyQualifiedNamespace, credential, clientOptions);
        }
        throw new InvalidOperationException(
            "Messaging is not configured: set ServiceBus:ConnectionString (local broker or emulator) or ServiceBus:FullyQualifiedNamespace (Azure, managed identity).");
    }
}
