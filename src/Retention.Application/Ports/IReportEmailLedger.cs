namespace Retention.Application.Ports;

/// <summary>
/// One report email per as-of day. A sender first claims the day (an insert, so two runs never both send), then marks it
/// sent, or gives the claim back when sending failed so that a later run tries again. A claim left by a run that died
/// mid-send can be taken after <c>AbandonedAfter</c>.
/// </summary>
public interface IReportEmailLedger
{
    /// <summary>True when this caller may send the email for <paramref name="asOf"/> now.</summary>
    Task<bool> TryBeginAsync(DateOnly asOf, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(DateOnly asOf, string? providerMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    Task AbandonAsync(DateOnly asOf, CancellationToken cancellationToken);
}
