using Retention.Domain.Messages;

namespace Retention.Domain.Rewards;

/// <summary>A programme decided to send <see cref="Message"/> (its id is deterministic, so deciding again changes nothing).</summary>
public sealed record Decision(RetentionMessage Message)
{
    public string Programme => Message.Type.Name;
}
