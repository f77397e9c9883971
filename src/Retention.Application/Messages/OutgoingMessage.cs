using Retention.Domain.Messages;

namespace Retention.Application.Messages;

/// <summary>A message to publish; with <paramref name="NotBefore"/> it is scheduled to appear on the queue at that time.</summary>
public sealed record OutgoingMessage(RetentionMessage Message, DateTimeOffset? NotBefore = null);
