using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Retention.Application.Email;
using Retention.Application.Ports;
using Retention.Infrastructure.Email;

namespace Retention.Infrastructure.Tests.Email;

/// <summary>
/// The ACS REST adapter, built through <see cref="EmailServices.AddRetentionEmail"/> as the hosts build it, against a local
/// HTTPS server that checks the HMAC signature (or the bearer token) independently and answers like ACS.
/// </summary>
public sealed class AcsEmailSenderTests : IDisposable
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];
    private static readonly byte[] OtherKey = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 11))];
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_ConnectionString_SignedRequestAcceptedAndSentWithOperationId()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Report("report:2026-11-23"), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.True(request.Authenticated);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emails:send?api-version=2025-09-01", request.RawTarget);
        var operationId = request.Headers["operation-id"];
        Assert.True(Guid.TryParse(operationId, out _));
        Assert.Equal(operationId, Assert.IsType<EmailSendResult.Sent>(result).ProviderMessageId);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKey_SameOperationIdHeader()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        var (sender, _) = Build(WithKey(server, Key));

        await sender.SendAsync(TestEmails.Plain("win-back:C-7:2026-08-01"), CancellationToken.None);
        await sender.SendAsync(TestEmails.Plain("win-back:C-7:2026-08-01"), CancellationToken.None);
        await sender.SendAsync(TestEmails.Plain("win-back:C-8:2026-08-01"), CancellationToken.None);

        var ids = server.Requests.Select(r => r.Headers["operation-id"]).ToArray();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.Equal(3, server.Requests.Select(r => r.Headers["x-ms-client-request-id"]).Distinct().Count());
    }

    [Fact]
    public async Task SendAsync_WrongAccessKey_ServerRejectsAndPermanentWith401()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        var (sender, _) = Build(WithKey(server, OtherKey));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.False(Assert.Single(server.Requests).Authenticated);
        var permanent = Assert.IsType<EmailSendResult.Permanent>(result);
        Assert.Contains("401", permanent.Reason, StringComparison.Ordinal);
        Assert.Contains("Denied", permanent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ShortRetryAfterOn429ThenAccepted_SentAfterOneRetry()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(Throttled("1"));
        var (sender, log) = Build(WithKey(server, Key));
        var started = DateTimeOffset.UtcNow;

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.IsType<EmailSendResult.Sent>(result);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.Authenticated));
        Assert.Equal(server.Requests[0].Headers["operation-id"], server.Requests[1].Headers["operation-id"]);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the sender must wait for Retry-After before the second attempt");
        Assert.Contains(log.Lines, line => line.Contains("retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ThrottledOnBothAttempts_TransientAfterTwoAttempts()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(Throttled("1"), Throttled("2"));
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Equal(TimeSpan.FromSeconds(2), transient.RetryAfter);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_LongRetryAfterOn429_TransientWithRetryAfterAndNoRetry()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(Throttled("60"));
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Equal(TimeSpan.FromSeconds(60), transient.RetryAfter);
        Assert.Contains("429", transient.Reason, StringComparison.Ordinal);
        Assert.Contains("TooManyRequests", transient.Reason, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_RetryAfterAsHttpDate_TransientWithTheTimeUntilThen()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(Throttled(DateTimeOffset.UtcNow.AddMinutes(2).ToString("r", CultureInfo.InvariantCulture)));
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        var retryAfter = Assert.IsType<EmailSendResult.Transient>(result).RetryAfter;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    [Fact]
    public async Task SendAsync_BadRequestWithAcsError_PermanentWithCodeAndNoAddress()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(new FakeAcsAnswer(400,
            """{"error":{"code":"InvalidRecipient","message":"Recipient owner@shop.example is not a valid address.","target":"recipients"}}"""));
        var (sender, log) = Build(WithKey(server, Key));
        var email = TestEmails.Report("report:2026-11-23");

        var result = await sender.SendAsync(email, CancellationToken.None);

        var permanent = Assert.IsType<EmailSendResult.Permanent>(result);
        Assert.Contains("400", permanent.Reason, StringComparison.Ordinal);
        Assert.Contains("InvalidRecipient", permanent.Reason, StringComparison.Ordinal);
        Assert.Contains("Recipient [address] is not a valid address.", permanent.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("@", permanent.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(log.Lines);
        Assert.All(log.Lines, line =>
        {
            Assert.DoesNotContain("@", line, StringComparison.Ordinal);
            Assert.DoesNotContain(email.Subject, line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SendAsync_ErrorCodeOnlyInHeader_PermanentWithThatCode()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(new FakeAcsAnswer(403, "<html>Forbidden</html>", new Dictionary<string, string> { ["x-ms-error-code"] = "DomainNotLinked" }));
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        var reason = Assert.IsType<EmailSendResult.Permanent>(result).Reason;
        Assert.Contains("403", reason, StringComparison.Ordinal);
        Assert.Contains("DomainNotLinked", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task SendAsync_ServerErrorOrRequestTimeout_TransientWithoutInCallRetry(int status)
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(new FakeAcsAnswer(status, """{"error":{"code":"ServiceUnavailable","message":"Try again later."}}"""));
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Contains(status.ToString(CultureInfo.InvariantCulture), transient.Reason, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAsync_ServerSlowerThanRequestTimeout_Transient()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(new FakeAcsAnswer(202, Delay: TimeSpan.FromSeconds(20)));
        var settings = WithKey(server, Key);
        settings["Email:Acs:RequestTimeout"] = "00:00:01";
        var (sender, _) = Build(settings);
        var started = DateTimeOffset.UtcNow;

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.Contains("did not answer", Assert.IsType<EmailSendResult.Transient>(result).Reason, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SendAsync_NothingListening_Transient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (sender, _) = Build(new Dictionary<string, string?>
        {
            ["Email:Provider"] = "acs",
            ["Email:Acs:ConnectionString"] = $"endpoint=https://127.0.0.1:{port}/;accesskey={Convert.ToBase64String(Key)}",
        });

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.Contains("could not be reached", Assert.IsType<EmailSendResult.Transient>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(new FakeAcsAnswer(202, Delay: TimeSpan.FromSeconds(20)));
        var (sender, _) = Build(WithKey(server, Key));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(TestEmails.Plain("report:2026-11-23"), cancel.Token));
    }

    [Fact]
    public async Task SendAsync_AcceptedWithOnlyOperationLocation_IdFromTheHeader()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        server.Script(new FakeAcsAnswer(202, null, new Dictionary<string, string>
        {
            ["Operation-Location"] = "https://contoso.communication.azure.com/emails/operations/op-42?api-version=2025-09-01",
        }));
        var (sender, _) = Build(WithKey(server, Key));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.Equal("op-42", Assert.IsType<EmailSendResult.Sent>(result).ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_Report_BodyHasContentRecipientsAndBase64AttachmentsWithContentId()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        var (sender, _) = Build(WithKey(server, Key));
        var email = TestEmails.Report("report:2026-11-23");

        await sender.SendAsync(email, CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var root = json.RootElement;
        Assert.Equal("reports@shop.example", root.GetProperty("senderAddress").GetString());
        var content = root.GetProperty("content");
        Assert.Equal(email.Subject, content.GetProperty("subject").GetString());
        Assert.Equal(email.Text, content.GetProperty("plainText").GetString());
        Assert.Equal(email.Html, content.GetProperty("html").GetString());
        Assert.Equal(
            ["owner@shop.example", "analyst@shop.example"],
            root.GetProperty("recipients").GetProperty("to").EnumerateArray().Select(to => to.GetProperty("address").GetString()));
        var attachments = root.GetProperty("attachments").EnumerateArray().ToArray();
        Assert.Equal(2, attachments.Length);
        Assert.Equal("chart.png", attachments[0].GetProperty("name").GetString());
        Assert.Equal("image/png", attachments[0].GetProperty("contentType").GetString());
        Assert.Equal(TestEmails.Png, Convert.FromBase64String(attachments[0].GetProperty("contentInBase64").GetString()!));
        Assert.Equal("chart", attachments[0].GetProperty("contentId").GetString());
        Assert.Equal("cohorts.csv", attachments[1].GetProperty("name").GetString());
        Assert.Equal("text/csv", attachments[1].GetProperty("contentType").GetString());
        Assert.Equal(TestEmails.Csv, Convert.FromBase64String(attachments[1].GetProperty("contentInBase64").GetString()!));
        Assert.False(attachments[1].TryGetProperty("contentId", out var _));
    }

    [Fact]
    public async Task SendAsync_NoAttachments_NoAttachmentsProperty()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        var (sender, _) = Build(WithKey(server, Key));

        await sender.SendAsync(TestEmails.Plain("thank-you:C-1:2026-11-20", "customer@example.com"), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.False(json.RootElement.TryGetProperty("attachments", out var _));
        Assert.Equal("customer@example.com", json.RootElement.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task SendAsync_ApiVersion20230331_InlineImageSentWithoutContentIdAndWarned()
    {
        await using var server = await FakeAcsServer.StartWithAccessKeyAsync(Key);
        var settings = WithKey(server, Key);
        settings["Email:Acs:ApiVersion"] = "2023-03-31";
        var (sender, log) = Build(settings);

        await sender.SendAsync(TestEmails.Report("report:2026-11-23"), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/emails:send?api-version=2023-03-31", request.RawTarget);
        using var json = JsonDocument.Parse(request.Body);
        Assert.All(json.RootElement.GetProperty("attachments").EnumerateArray(), a => Assert.False(a.TryGetProperty("contentId", out var _)));
        Assert.Contains(log.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("contentId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_EntraEndpoint_BearerTokenForTheCommunicationScope()
    {
        await using var server = await FakeAcsServer.StartWithBearerTokenAsync("entra-token-1");
        var credential = new FakeTokenCredential("entra-token-1");
        var (sender, _) = Build(WithEndpoint(server), credential);

        var first = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);
        var second = await sender.SendAsync(TestEmails.Plain("report:2026-11-24"), CancellationToken.None);

        Assert.IsType<EmailSendResult.Sent>(first);
        Assert.IsType<EmailSendResult.Sent>(second);
        Assert.All(server.Requests, r => Assert.Equal("Bearer entra-token-1", r.Headers["authorization"]));
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("x-ms-content-sha256")));
        var scopes = Assert.Single(credential.Requests);
        Assert.Equal(["https://communication.azure.com//.default"], scopes);
    }

    [Fact]
    public async Task SendAsync_EntraTokenForAnotherAudience_ServerRejectsAndPermanent()
    {
        await using var server = await FakeAcsServer.StartWithBearerTokenAsync("entra-token-1");
        var (sender, _) = Build(WithEndpoint(server), new FakeTokenCredential("token-for-something-else"));

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.Contains("401", Assert.IsType<EmailSendResult.Permanent>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EntraCredentialUnavailable_TransientAndNothingSent()
    {
        await using var server = await FakeAcsServer.StartWithBearerTokenAsync("entra-token-1");
        var credential = new FakeTokenCredential("unused", new CredentialUnavailableException("No managed identity endpoint found."));
        var (sender, _) = Build(WithEndpoint(server), credential);

        var result = await sender.SendAsync(TestEmails.Plain("report:2026-11-23"), CancellationToken.None);

        Assert.Contains("Microsoft Entra token", Assert.IsType<EmailSendResult.Transient>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void AddRetentionEmail_AcsWithoutConnectionStringOrEndpoint_ResolvingFailsNamingTheSettings()
    {
        var provider = Services(new Dictionary<string, string?> { ["Email:Provider"] = "acs" });

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IEmailSender>());

        Assert.Contains("Email:Acs:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email:Acs:Endpoint", error.Message, StringComparison.Ordinal);
    }

    private static FakeAcsAnswer Throttled(string retryAfter) => new(
        429,
        """{"error":{"code":"TooManyRequests","message":"Rate limit exceeded."}}""",
        new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    private static Dictionary<string, string?> WithKey(FakeAcsServer server, byte[] key) => new()
    {
        ["Email:Provider"] = "acs",
        ["Email:Acs:ConnectionString"] = $"endpoint={server.Endpoint};accesskey={Convert.ToBase64String(key)}",
    };

    private static Dictionary<string, string?> WithEndpoint(FakeAcsServer server) => new()
    {
        ["Email:Provider"] = "acs",
        ["Email:Acs:Endpoint"] = server.Endpoint.ToString(),
    };

    private (IEmailSender Sender, RecordingLogger<AcsEmailSender> Log) Build(
        Dictionary<string, string?> settings, TokenCredential? credential = null)
    {
        var log = new RecordingLogger<AcsEmailSender>();
        var provider = Services(settings, services =>
        {
            services.AddSingleton<ILogger<AcsEmailSender>>(log);
            if (credential is not null)
            {
                services.AddSingleton(credential);
            }
        });
        return (provider.GetRequiredService<IEmailSender>(), log);
    }

    /// <summary>The production registration, plus a TLS handler that trusts exactly the fake server's certificate.</summary>
    private ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddRetentionEmail(configuration);
        services.AddHttpClient(AcsEmailSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString() == FakeAcsServer.Certificate.GetCertHashString(),
            },
        });
        more?.Invoke(services);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
