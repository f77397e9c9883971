using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Retention.Application.Email;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Sends through the Azure Communication Services Email REST API: <c>POST {endpoint}/emails:send?api-version=...</c>, answered
/// with 202 Accepted and an operation id. The delivery itself happens later at ACS; we do not poll the operation.
/// <para>
/// Transport: a plain <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>, not Azure.Core's <c>HttpPipeline</c>. The
/// pipeline's default retry policy would retry 429 and 5xx on its own (up to three times, with its own delays), and that would
/// hide the provider's Retry-After from the dispatcher, which owns the send budget and the retry schedule. With HttpClient
/// every retry is the single, bounded one below, and the factory takes care of handler lifetimes and DNS changes.
/// </para>
/// <para>
/// Retry inside a call: when ACS answers 429 with a Retry-After of at most <see cref="MaxInCallRetryAfter"/>, the sender waits
/// and tries once more (at most <see cref="MaxAttempts"/> attempts in all, same Operation-Id, fresh signature). A short
/// throttle is common when a batch meets the per-minute limit, and waiting a few seconds is cheaper than abandoning the
/// message and receiving it again. A longer Retry-After is returned as <see cref="EmailSendResult.Transient"/> with
/// <c>RetryAfter</c>, so that the dispatcher stops the batch instead of holding a message lock while it sleeps.
/// </para>
/// Logs carry status codes, ACS error codes and operation ids; never addresses, subjects, bodies or the key.
/// </summary>
internal sealed partial class AcsEmailSender : IEmailSender
{
    public const string HttpClientName = "Retention.Email.Acs";
    public const int MaxAttempts = 2;
    public static readonly TimeSpan MaxInCallRetryAfter = TimeSpan.FromSeconds(5);
    private const int MaxReasonMessageLength = 300;

    private readonly Uri _sendUri;
    private readonly IAcsRequestAuthenticator _authenticator;
    private readonly bool _supportsInlineAttachments;
    private readonly TimeSpan _requestTimeout;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AcsEmailSender> _logger;

    internal AcsEmailSender(
        Uri endpoint,
        IAcsRequestAuthenticator authenticator,
        AcsEmailOptions options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<AcsEmailSender> logger)
    {
        _sendUri = SendUri(endpoint, options.ApiVersion);
        _authenticator = authenticator;
        _supportsInlineAttachments = options.SupportsInlineAttachments;
        _requestTimeout = options.RequestTimeout;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Builds the sender the validated options describe: HMAC signing with a connection string, else a bearer token from
    /// <paramref name="credential"/> (the app's shared one when it registered one, else DefaultAzureCredential).
    /// </summary>
    internal static AcsEmailSender Create(
        AcsEmailOptions options,
        TokenCredential? credential,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<AcsEmailSender> logger)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (!AcsConnectionString.TryParse(options.ConnectionString, out var connectionString, out var error))
            {
                throw new InvalidOperationException($"Email:Acs:ConnectionString {error}");
            }
            return new AcsEmailSender(
                connectionString.Endpoint, new AcsHmacAuthenticator(connectionString.AccessKey, timeProvider), options, httpClientFactory, timeProvider, logger);
        }

        var endpoint = new Uri(options.Endpoint ?? throw new InvalidOperationException("Email:Acs:Endpoint is not set."), UriKind.Absolute);
        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return new AcsEmailSender(endpoint, new AcsTokenAuthenticator(credential, timeProvider), options, httpClientFactory, timeProvider, logger);
    }

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operationId = AcsOperationId.FromIdempotencyKey(message.IdempotencyKey);
        var body = JsonSerializer.SerializeToUtf8Bytes(ToRequest(message), AcsJsonContext.Default.AcsSendRequest);

        for (var attempt = 1; ; attempt++)
        {
            var (result, throttled) = await SendOnceAsync(body, operationId, cancellationToken);
            if (throttled && result is EmailSendResult.Transient { RetryAfter: { } wait } && attempt < MaxAttempts && wait <= MaxInCallRetryAfter)
            {
                LogThrottledRetrying(operationId, wait, attempt);
                await Task.Delay(wait, _timeProvider, cancellationToken);
                continue;
            }
            return result;
        }
    }

    private async Task<(EmailSendResult Result, bool Throttled)> SendOnceAsync(byte[] body, Guid operationId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _sendUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("Operation-Id", operationId.ToString("D"));
        request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString("D"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            await _authenticator.AuthenticateAsync(request, body, timeout.Token);
            using var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            return await InterpretAsync(response, operationId, timeout.Token);
        }
        catch (AuthenticationFailedException ex)
        {
            // Covers CredentialUnavailableException too. Often a passing outage of the token endpoint; if it is configuration,
            // the warning repeats on every attempt and the messages dead-letter after maxDeliveryCount.
            LogTokenFailed(ex, operationId);
            return (new EmailSendResult.Transient($"Could not get a Microsoft Entra token for ACS ({ex.GetType().Name}).", null), false);
        }
        catch (HttpRequestException ex)
        {
            LogRequestFailed(ex, operationId, ex.HttpRequestError.ToString());
            return (new EmailSendResult.Transient($"ACS could not be reached ({ex.HttpRequestError}).", null), false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRequestFailed(ex, operationId, "Timeout");
            return (new EmailSendResult.Transient($"ACS did not answer within {_requestTimeout.TotalSeconds:0.#} s.", null), false);
        }
    }

    private async Task<(EmailSendResult Result, bool Throttled)> InterpretAsync(HttpResponseMessage response, Guid operationId, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var id = OperationIdFrom(response, content) ?? operationId.ToString("D");
            LogAccepted(id, status);
            return (new EmailSendResult.Sent(id), false);
        }

        var (code, detail) = ErrorFrom(response, content);
        var reason = $"ACS answered {status} ({response.StatusCode}){(code is null ? "" : $": {code}")}{(detail is null ? "" : $": {detail}")}";
        var retryAfter = RetryAfter(response, _timeProvider.GetUtcNow());
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            LogThrottled(operationId, retryAfter, code);
            return (new EmailSendResult.Transient(reason, retryAfter), true);
        }
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout || status < 400)
        {
            LogTransientStatus(operationId, status, code);
            return (new EmailSendResult.Transient(reason, retryAfter), false);
        }
        LogRejected(operationId, status, code);
        return (new EmailSendResult.Permanent(reason), false);
    }

    private AcsSendRequest ToRequest(EmailMessage message)
    {
        var inline = message.Attachments.Count(a => a.IsInline);
        if (inline > 0 && !_supportsInlineAttachments)
        {
            LogInlineAttachmentsDowngraded(inline);
        }
        var attachments = message.Attachments
            .Select(a => new AcsAttachment(a.FileName, a.ContentType, a.Content, _supportsInlineAttachments ? a.ContentId : null))
            .ToList();
        return new AcsSendRequest(
            message.From.Value,
            new AcsEmailContent(message.Subject, message.Text, message.Html),
            new AcsRecipients([.. message.To.Select(to => new AcsAddress(to.Value))]),
            attachments.Count == 0 ? null : attachments,
            message.Headers.Count == 0 ? null : message.Headers);
    }

    /// <summary><c>{endpoint}/emails:send?api-version=...</c>, keeping any path the endpoint has (a gateway in front of ACS).</summary>
    internal static Uri SendUri(Uri endpoint, string apiVersion) =>
        new($"{endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/emails:send?api-version={Uri.EscapeDataString(apiVersion)}", UriKind.Absolute);

    /// <summary>The operation id: the 202 body's <c>id</c>, else the last segment of <c>Operation-Location</c>, else the <c>operation-id</c> header.</summary>
    private static string? OperationIdFrom(HttpResponseMessage response, string content)
    {
        if (!string.IsNullOrWhiteSpace(content))
        {
            try
            {
                if (JsonSerializer.Deserialize(content, AcsJsonContext.Default.AcsOperationStatus)?.Id is { Length: > 0 } id)
                {
                    return id;
                }
            }
            catch (JsonException)
            {
                // Not the documented body; the headers below still carry the id.
            }
        }
        if (response.Headers.TryGetValues("Operation-Location", out var locations)
            && Uri.TryCreate(locations.FirstOrDefault(), UriKind.Absolute, out var location)
            && location.Segments is { Length: > 0 } segments)
        {
            return Uri.UnescapeDataString(segments[^1].TrimEnd('/'));
        }
        return response.Headers.TryGetValues("operation-id", out var ids) ? ids.FirstOrDefault() : null;
    }

    /// <summary>The ACS error code and message, the message with addresses masked and cut short: ACS quotes recipients in some messages.</summary>
    private static (string? Code, string? Message) ErrorFrom(HttpResponseMessage response, string content)
    {
        string? code = null;
        string? message = null;
        if (!string.IsNullOrWhiteSpace(content))
        {
            try
            {
                var error = JsonSerializer.Deserialize(content, AcsJsonContext.Default.AcsErrorResponse)?.Error;
                code = error?.Code;
                message = error?.Message;
            }
            catch (JsonException)
            {
                // A proxy's HTML error page, say: the status and the x-ms-error-code header are all we report.
            }
        }
        if (string.IsNullOrWhiteSpace(code) && response.Headers.TryGetValues("x-ms-error-code", out var codes))
        {
            code = codes.FirstOrDefault();
        }
        if (!string.IsNullOrWhiteSpace(message))
        {
            message = AddressPattern().Replace(message.Trim(), "[address]");
            if (message.Length > MaxReasonMessageLength)
            {
                message = string.Concat(message.AsSpan(0, MaxReasonMessageLength), "…");
            }
        }
        return (string.IsNullOrWhiteSpace(code) ? null : code.Trim(), string.IsNullOrWhiteSpace(message) ? null : message);
    }

    /// <summary>
    /// How long the provider asked us to wait: <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c> (Azure's millisecond headers),
    /// else <c>Retry-After</c> as seconds or as an HTTP date. Null when none is given; never negative.
    /// </summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }

    [GeneratedRegex(@"[^\s@<>()\[\],;:""']+@[^\s@<>()\[\],;:""']+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS accepted email operation {OperationId} ({StatusCode})")]
    private partial void LogAccepted(string operationId, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS throttled email operation {OperationId}; retrying in {RetryAfter} (attempt {Attempt})")]
    private partial void LogThrottledRetrying(Guid operationId, TimeSpan retryAfter, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS throttled email operation {OperationId} (retry after {RetryAfter}, code {ErrorCode})")]
    private partial void LogThrottled(Guid operationId, TimeSpan? retryAfter, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS failed email operation {OperationId} with {StatusCode} (code {ErrorCode}); worth retrying")]
    private partial void LogTransientStatus(Guid operationId, int statusCode, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS rejected email operation {OperationId} with {StatusCode} (code {ErrorCode}); not retrying")]
    private partial void LogRejected(Guid operationId, int statusCode, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email operation {OperationId} did not reach ACS ({Failure})")]
    private partial void LogRequestFailed(Exception exception, Guid operationId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Microsoft Entra token for ACS email operation {OperationId}")]
    private partial void LogTokenFailed(Exception exception, Guid operationId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} inline attachment(s) sent as ordinary attachments: Email:Acs:ApiVersion before 2024-07-01 has no contentId")]
    private partial void LogInlineAttachmentsDowngraded(int count);
}
