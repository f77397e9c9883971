using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Retention.Infrastructure.Tests.Email;

/// <summary>One scripted answer of the fake ACS: a status, headers and a body, optionally after a delay.</summary>
internal sealed record FakeAcsAnswer(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>A request as the fake ACS received it. Header names are lower case.</summary>
internal sealed record FakeAcsRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Authenticated);

/// <summary>
/// A local HTTPS server (Kestrel on 127.0.0.1, a throw-away self-signed certificate) that plays the ACS Email REST API:
/// <c>POST /emails:send?api-version=...</c>. It authenticates every request on its own, with the algorithm written again here
/// from Microsoft's "Sign an HTTP request" tutorial (not by calling the adapter's code), and answers 401 as ACS does when the
/// signature, the content hash, the date or the bearer token is wrong. Authenticated requests get the scripted answers in
/// order, then 202 Accepted with the operation id, like ACS.
/// </summary>
internal sealed class FakeAcsServer : IAsyncDisposable
{
    public const string DeniedBody = """{"error":{"code":"Denied","message":"Denied by the resource provider."}}""";

    private static readonly Lazy<X509Certificate2> SharedCertificate = new(CreateCertificate);
    private readonly WebApplication _app;
    private readonly byte[]? _accessKey;
    private readonly string? _bearerToken;
    private readonly ConcurrentQueue<FakeAcsAnswer> _script = new();
    private readonly ConcurrentQueue<FakeAcsRequest> _requests = new();

    private FakeAcsServer(WebApplication app, byte[]? accessKey, string? bearerToken)
    {
        _app = app;
        _accessKey = accessKey;
        _bearerToken = bearerToken;
    }

    public static X509Certificate2 Certificate => SharedCertificate.Value;

    /// <summary>https://127.0.0.1:{port}/</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<FakeAcsRequest> Requests => [.. _requests];

    /// <summary>Accepts requests signed with <paramref name="accessKey"/>.</summary>
    public static Task<FakeAcsServer> StartWithAccessKeyAsync(byte[] accessKey) => StartAsync(accessKey, null);

    /// <summary>Accepts requests that carry <c>Authorization: Bearer {token}</c>.</summary>
    public static Task<FakeAcsServer> StartWithBearerTokenAsync(string token) => StartAsync(null, token);

    public void Script(params FakeAcsAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<FakeAcsServer> StartAsync(byte[]? accessKey, string? bearerToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate)));
        var app = builder.Build();
        var server = new FakeAcsServer(app, accessKey, bearerToken);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var authenticated = IsAuthenticated(context.Request.Method, rawTarget, headers, body);
        _requests.Enqueue(new FakeAcsRequest(context.Request.Method, rawTarget, headers, body, authenticated));

        if (!authenticated)
        {
            await WriteAsync(context, new FakeAcsAnswer(401, DeniedBody, new Dictionary<string, string> { ["x-ms-error-code"] = "Denied" }));
            return;
        }
        if (context.Request.Method != "POST" || context.Request.Path != "/emails:send" || !context.Request.Query.ContainsKey("api-version"))
        {
            await WriteAsync(context, new FakeAcsAnswer(404, """{"error":{"code":"NotFound","message":"No such operation."}}"""));
            return;
        }
        if (_script.TryDequeue(out var answer))
        {
            await WriteAsync(context, answer);
            return;
        }

        var operationId = headers.GetValueOrDefault("operation-id") ?? Guid.NewGuid().ToString("D");
        await WriteAsync(context, new FakeAcsAnswer(
            202,
            $$"""{"id":"{{operationId}}","status":"Running"}""",
            new Dictionary<string, string>
            {
                ["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version={context.Request.Query["api-version"]}",
                ["Retry-After"] = "30",
            }));
    }

    /// <summary>
    /// ACS's two schemes. HMAC: x-ms-date within 15 minutes, x-ms-content-sha256 = base64(SHA-256(body)), and
    /// Authorization = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=" + base64(HMAC-SHA256(key,
    /// "POST\n" + path and query + "\n" + date + ";" + host + ";" + content hash)). Bearer: the expected token.
    /// </summary>
    private bool IsAuthenticated(string method, string rawTarget, Dictionary<string, string> headers, byte[] body)
    {
        var authorization = headers.GetValueOrDefault("authorization");
        if (_bearerToken is not null)
        {
            return authorization == "Bearer " + _bearerToken;
        }

        if (!headers.TryGetValue("x-ms-date", out var date)
            || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt)
            || (DateTimeOffset.UtcNow - sentAt).Duration() > TimeSpan.FromMinutes(15))
        {
            return false;
        }
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        if (headers.GetValueOrDefault("x-ms-content-sha256") != contentHash)
        {
            return false;
        }
        var host = headers.GetValueOrDefault("host");
        var stringToSign = method + "\n" + rawTarget + "\n" + date + ";" + host + ";" + contentHash;
        using var hmac = new HMACSHA256(_accessKey!);
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return authorization == "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature;
    }

    private static async Task WriteAsync(HttpContext context, FakeAcsAnswer answer)
    {
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up, which is what a delay test wants
            }
        }
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux wants a certificate whose key came from a PKCS#12 blob, not the ephemeral one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
