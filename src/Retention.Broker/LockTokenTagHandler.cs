using Amqp.Handler;

namespace Retention.Broker;

/// <summary>
/// Replaces AMQPNetLite's 4-byte sequential delivery tag with the 16-byte lock token: the client reads the lock
/// token only from the delivery tag.
/// </summary>
internal sealed class LockTokenTagHandler(BrokerState state) : IHandler
{
    public bool CanHandle(EventId id) => id == EventId.SendDelivery;

    public void Handle(Event protocolEvent)
    {
        if (protocolEvent.Context is IDelivery delivery && delivery.Message is { } message
            && state.TryGetDelivery(message, out var info) && info!.LockToken != Guid.Empty)
        {
            delivery.Tag = info.LockToken.ToByteArray();
        }
    }
}
