namespace Retention.Domain.Messages;

/// <summary>At most <see cref="MaxMessages"/> marketing emails per customer in any <see cref="Window"/> (a sliding window ending now).</summary>
public sealed record FrequencyCap(int MaxMessages, TimeSpan Window)
{
    public static readonly FrequencyCap Default = new(2, TimeSpan.FromDays(7));
}
