namespace Retention.Application.Messages;

/// <summary>A message received from the queue and locked for us.</summary>
/// <param name="MessageId">The queue's message id (the contract's <c>messageId</c>).</param>
/// <param name="Body">The JSON body.</param>
/// <param name="DeliveryCount">1 on the first delivery; counts abandons and expired locks.</param>
/// <param name="Handle">The adapter's own object, needed to settle the message.</param>
public sealed record InboxMessage(string MessageId, ReadOnlyMemory<byte> Body, int DeliveryCount, object Handle);
