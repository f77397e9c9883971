namespace Retention.Domain.Rewards;

/// <summary>A feedback request <see cref="DelayDays"/> after the last purchase (caught up for <see cref="CatchUpDays"/> nights if the job missed one).</summary>
public sealed record FeedbackRule(bool Enabled = false, int DelayDays = 7, int CatchUpDays = 3);
