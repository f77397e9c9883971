using Microsoft.Extensions.Logging;
using Retention.Application.Messages;
using Retention.Application.Ports;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>
/// Turns decisions into queued messages, exactly once: each decision is logged first (its message id is the key), the
/// holdout's marketing decisions stop there, the others are published and then marked published. A decision logged
/// and published before is skipped; one logged but not published (the process died in between) is published now.
/// </summary>
public sealed partial class DecisionPublisher(IDecisionLog log, IMessagePublisher publisher, RewardSettings settings, ILogger<DecisionPublisher> logger)
{
    /// <summary>Returns how many messages were handed to the queue.</summary>
    public async Task<int> PublishAsync(IReadOnlyList<Decision> decisions, CancellationToken cancellationToken)
    {
        var toPublish = new List<LoggedDecision>();
        var messages = new List<OutgoingMessage>();
        foreach (var decision in decisions)
        {
            var message = decision.Message;
            var heldOut = message.Type.IsMarketing && Holdout.IsHeldOut(message.CustomerId, settings.HoldoutPercent);
            var logged = await log.RecordAsync(new LoggedDecision(message.CustomerId, message.MessageId, decision.Programme, message.CreatedAt, heldOut, false), cancellationToken);
            if (logged.HeldOut || logged.Published)
            {
                continue;
            }
            toPublish.Add(logged);
            messages.Add(new OutgoingMessage(message));
        }
        if (messages.Count == 0)
        {
            return 0;
        }
        await publisher.PublishAsync(messages, cancellationToken);
        foreach (var logged in toPublish)
        {
            await log.MarkPublishedAsync(logged.CustomerId, logged.MessageId, cancellationToken);
        }
        LogPublished(messages.Count);
        return messages.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} reward and reminder messages")]
    private partial void LogPublished(int count);
}
