namespace Retention.Application.Messages;

/// <summary>A dead-lettered message: why, and what it was (type and customer only; the body may hold a coupon code).</summary>
public sealed record DeadLetter(
    string MessageId,
    string? Type,
    string Reason,
    string? Description,
    DateTimeOffset EnqueuedAt,
    int DeliveryCount);
