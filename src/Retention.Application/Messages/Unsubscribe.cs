using Microsoft.Extensions.Logging;
using Retention.Application.Ports;

namespace Retention.Application.Messages;

/// <summary>
/// One-click unsubscribe (RFC 8058): a valid token stops all marketing email to its customer, at once and for good
/// (until the storefront posts new consent). Replaying a token is harmless: the first time is kept.
/// </summary>
public sealed partial class Unsubscribe(UnsubscribeTokens tokens, IConsentStore consent, TimeProvider clock, ILogger<Unsubscribe> logger)
{
    /// <summary>What the token is, without changing anything (the confirmation page of a GET).</summary>
    public UnsubscribeToken Check(string? token) => tokens.Verify(token);

    public async Task<UnsubscribeOutcome> ExecuteAsync(string? token, CancellationToken cancellationToken)
    {
        switch (tokens.Verify(token))
        {
            case UnsubscribeToken.Valid valid:
                var before = await consent.GetAsync(valid.CustomerId, cancellationToken);
                if (before.UnsubscribedAt is not null)
                {
                    return new UnsubscribeOutcome(UnsubscribeResult.AlreadyUnsubscribed, valid.Locale);
                }
                var now = clock.GetUtcNow();
                await consent.UpdateAsync(valid.CustomerId, record => record.Unsubscribe(now), cancellationToken);
                LogUnsubscribed();
                return new UnsubscribeOutcome(UnsubscribeResult.Unsubscribed, valid.Locale);
            case UnsubscribeToken.Expired expired:
                LogRefused("expired");
                return new UnsubscribeOutcome(UnsubscribeResult.Expired, expired.Locale);
            default:
                LogRefused("invalid");
                return new UnsubscribeOutcome(UnsubscribeResult.Invalid, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A customer unsubscribed from marketing email")]
    private partial void LogUnsubscribed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unsubscribe token: {Why}")]
    private partial void LogRefused(string why);
}
