namespace Retention.Broker;

/// <summary>What the broker remembers about a message it sent to a receiver, keyed by that AMQP message object.</summary>
internal sealed record DeliveryInfo(BrokerQueue Queue, Guid LockToken);
