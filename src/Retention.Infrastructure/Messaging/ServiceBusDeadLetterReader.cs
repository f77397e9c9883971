using Azure.Messaging.ServiceBus;
using Retention.Application.Messages;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Messaging;

/// <summary>Peeks the queue's dead-letter sub-queue (<c>{queue}/$deadletterqueue</c>) without locking or removing anything.</summary>
internal sealed class ServiceBusDeadLetterReader(ServiceBusConnection connection) : IDeadLetterReader
{
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(int maxMessages, CancellationToken cancellationToken)
    {
        try
        {
            return await PeekCoreAsync(maxMessages, cancellationToken);
        }
        catch (Exception ex) when (MessagingFailures.IsUnavailable(ex))
        {
            throw new MessagingUnavailableException($"Could not read the dead-letter queue of '{connection.QueueName}': {ex.Message}", ex);
        }
    }

    private async Task<IReadOnlyList<DeadLetter>> PeekCoreAsync(int maxMessages, CancellationToken cancellationToken)
    {
        await using var receiver = connection.Client.CreateReceiver(connection.QueueName, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var result = new List<DeadLetter>();
        while (result.Count < maxMessages)
        {
            var page = await receiver.PeekMessagesAsync(Math.Min(100, maxMessages - result.Count), cancellationToken: cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            result.AddRange(page.Select(m => new DeadLetter(
                m.MessageId, m.Subject, m.DeadLetterReason ?? "(none)", m.DeadLetterErrorDescription, m.EnqueuedTime, m.DeliveryCount)));
        }
        return result;
    }
}
