namespace Retention.Infrastructure.Email;

/// <summary>Adds the authentication headers of Azure Communication Services to a request whose body is final.</summary>
internal interface IAcsRequestAuthenticator
{
    /// <summary>Called once per attempt, right before sending, so that signatures and dates are fresh.</summary>
    ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
