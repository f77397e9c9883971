using Retention.Application.Ports;
using Retention.Domain;
using Retention.Domain.Messages;

namespace Retention.Application.Messages;

/// <summary>
/// Puts messages on the queue after checking that each can be rendered, so that a bad message is refused at the
/// door instead of being dead-lettered later. Rules (the next issue) and <c>retention messages enqueue</c> call it.
/// </summary>
public sealed class EnqueueMessages(IMessagePublisher publisher)
{
    /// <summary>Publishes all messages, or none when any is invalid (the errors are keyed by index and JSON path).</summary>
    public async Task<IReadOnlyDictionary<string, FieldError>> ExecuteAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            foreach (var (path, error) in MessageRules.Check(messages[i].Message))
            {
                errors[messages.Count == 1 ? path : $"[{i}]{path[1..]}"] = error;
            }
        }
        if (errors.Count == 0 && messages.Count > 0)
        {
            await publisher.PublishAsync(messages, cancellationToken);
        }
        return errors;
    }
}
