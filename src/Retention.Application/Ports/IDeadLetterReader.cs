using Retention.Application.Messages;

namespace Retention.Application.Ports;

/// <summary>Messages the dispatcher gave up on, with the reason; read without removing them.</summary>
public interface IDeadLetterReader
{
    /// <summary>Up to <paramref name="maxMessages"/> dead-lettered messages, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> PeekAsync(int maxMessages, CancellationToken cancellationToken);
}
