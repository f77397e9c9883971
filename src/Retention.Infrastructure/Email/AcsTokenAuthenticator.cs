using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Azure.Core;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Microsoft Entra ID authentication: a bearer token for the Communication Services data plane. The token is kept until five
/// minutes before it expires (or until the credential's suggested refresh time), so a batch of sends asks the credential once.
/// </summary>
internal sealed class AcsTokenAuthenticator(TokenCredential credential, TimeProvider timeProvider) : IAcsRequestAuthenticator, IDisposable
{
    /// <summary>
    /// The scope every Azure Communication Services SDK (.NET, Java, JavaScript, Python) requests. The double slash is theirs:
    /// the audience is <c>https://communication.azure.com/</c> and <c>/.default</c> is appended to it.
    /// </summary>
    public const string Scope = "https://communication.azure.com//.default";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    // A reference, so that concurrent sends read a whole token or none (AccessToken is a multi-field struct).
    private volatile StrongBox<AccessToken>? _token;

    public async ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = _token;
        if (IsFresh(current))
        {
            return current!.Value.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _token;
            if (!IsFresh(current))
            {
                current = new StrongBox<AccessToken>(await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken));
                _token = current;
            }
            return current!.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(StrongBox<AccessToken>? box)
    {
        if (box is null)
        {
            return false;
        }
        var t = box.Value;
        var now = timeProvider.GetUtcNow();
        return now < t.ExpiresOn - RefreshMargin && (t.RefreshOn is not { } refreshOn || now < refreshOn);
    }
}
