namespace Retention.Application.Messages;

/// <summary>What an unsubscribe request did; every case carries the locale to answer in.</summary>
public enum UnsubscribeResult
{
    Unsubscribed,
    AlreadyUnsubscribed,
    Expired,
    Invalid,
}
