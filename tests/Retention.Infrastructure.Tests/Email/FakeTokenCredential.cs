using Azure.Core;

namespace Retention.Infrastructure.Tests.Email;

/// <summary>A TokenCredential that hands out a fixed token (or fails) and records the scopes it was asked for.</summary>
internal sealed class FakeTokenCredential(string token, Exception? failure = null) : TokenCredential
{
    private readonly List<string[]> _requests = [];

    public IReadOnlyList<string[]> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(requestContext.Scopes);
        }
        if (failure is not null)
        {
            throw failure;
        }
        return ValueTask.FromResult(new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1)));
    }
}
