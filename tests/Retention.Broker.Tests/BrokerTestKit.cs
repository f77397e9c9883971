using Azure.Messaging.ServiceBus;

namespace Retention.Broker.Tests;

internal static class BrokerTestKit
{
    /// <summary>Upper bound for any single client call, so a broker bug fails the test instead of hanging CI.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static ServiceBusClient Client(TestBroker broker) => new(
        broker.ConnectionString,
        new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = Bound },
        });

    public static ServiceBusReceiver PeekLockReceiver(ServiceBusClient client, string queue) =>
        client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock });

    public static async Task<ServiceBusReceivedMessage> ReceiveOneAsync(ServiceBusReceiver receiver, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var message = await receiver.ReceiveMessageAsync(wait ?? TimeSpan.FromSeconds(5), timeout.Token);
        Assert.NotNull(message);
        return message;
    }
}
