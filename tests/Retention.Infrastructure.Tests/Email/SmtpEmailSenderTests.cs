using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Retention.Application.Email;
using Retention.DevServers;
using Retention.Infrastructure.Email;

namespace Retention.Infrastructure.Tests.Email;

/// <summary>The SMTP adapter against a real SMTP server (the smtp-server sink), checked on the raw message it received.</summary>
public sealed class SmtpEmailSenderTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private SmtpSinkServer Sink => fixture.Sink;

    [Fact]
    public async Task SendAsync_ReportWithChartAndCsv_ServerReceivesEveryPart()
    {
        var email = TestEmails.Report("report:2026-11-23");

        var result = await Sender(Sink.Port).SendAsync(email, CancellationToken.None);

        var sent = Assert.IsType<EmailSendResult.Sent>(result);
        Assert.NotNull(sent.ProviderMessageId);
        var received = await ReceivedAsync(sent.ProviderMessageId);
        Assert.Equal("reports@shop.example", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal(["owner@shop.example", "analyst@shop.example"], received.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Rétention — novembre 2026", received.Subject);
        Assert.Equal(MimeMessageFactory.MessageIdFor(email), received.MessageId);
        Assert.EndsWith("@shop.example", received.MessageId, StringComparison.Ordinal);

        var mixed = Assert.IsType<Multipart>(received.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var text = Assert.IsType<TextPart>(alternative[0]);
        Assert.True(text.IsPlain);
        Assert.Equal(email.Text, text.Text.TrimEnd('\r', '\n'));
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        var html = Assert.IsType<TextPart>(related.Root);
        Assert.True(html.IsHtml);
        Assert.Contains("src=\"cid:chart\"", html.Text, StringComparison.Ordinal);
        var image = Assert.IsType<MimePart>(Assert.Single(related, part => part != related.Root));
        Assert.Equal("image/png", image.ContentType.MimeType);
        Assert.Equal("chart", image.ContentId);
        Assert.Equal(TestEmails.Png, Bytes(image));

        // MimeKit parses every text/* part as a TextPart.
        var csv = Assert.IsAssignableFrom<MimePart>(mixed[1]);
        Assert.True(csv.IsAttachment);
        Assert.Equal("cohorts.csv", csv.FileName);
        Assert.Equal("text/csv", csv.ContentType.MimeType);
        Assert.Equal(TestEmails.Csv, Bytes(csv));
        Assert.Equal(2, mixed.Count);
    }

    [Fact]
    public async Task SendAsync_NoAttachments_AlternativeOfTextAndHtmlOnly()
    {
        var email = TestEmails.Plain("thank-you:C-1:2026-11-20", "customer@example.com");

        var sent = Assert.IsType<EmailSendResult.Sent>(await Sender(Sink.Port).SendAsync(email, CancellationToken.None));

        var received = await ReceivedAsync(sent.ProviderMessageId);
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Collection(alternative,
            part => Assert.Equal("text/plain", part.ContentType.MimeType),
            part => Assert.Equal("text/html", part.ContentType.MimeType));
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_SameMessageId()
    {
        var first = Assert.IsType<EmailSendResult.Sent>(await Sender(Sink.Port).SendAsync(TestEmails.Plain("win-back:C-7:2026-08-01"), CancellationToken.None));
        var second = Assert.IsType<EmailSendResult.Sent>(await Sender(Sink.Port).SendAsync(TestEmails.Plain("win-back:C-7:2026-08-01"), CancellationToken.None));
        var other = Assert.IsType<EmailSendResult.Sent>(await Sender(Sink.Port).SendAsync(TestEmails.Plain("win-back:C-8:2026-08-01"), CancellationToken.None));

        var firstId = (await ReceivedAsync(first.ProviderMessageId)).MessageId;
        Assert.Equal(firstId, (await ReceivedAsync(second.ProviderMessageId)).MessageId);
        Assert.NotEqual(firstId, (await ReceivedAsync(other.ProviderMessageId)).MessageId);
        Assert.DoesNotContain("C-7", firstId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_AuthenticatesAndSends()
    {
        var sender = Sender(Sink.Port, o =>
        {
            o.UserName = "acs-resource.00000000-0000-0000-0000-000000000001.00000000-0000-0000-0000-000000000002";
            o.Password = "client-secret";
        });

        var result = await sender.SendAsync(TestEmails.Plain("auth:1"), CancellationToken.None);

        var sent = Assert.IsType<EmailSendResult.Sent>(result);
        Assert.Equal("Rétention — novembre 2026", (await ReceivedAsync(sent.ProviderMessageId)).Subject);
    }

    [Fact]
    public async Task SendAsync_RecipientRefusedWith550_PermanentWithoutTheAddress()
    {
        var result = await Sender(Sink.Port).SendAsync(TestEmails.Plain("reject:1", "reject@example.com"), CancellationToken.None);

        var permanent = Assert.IsType<EmailSendResult.Permanent>(result);
        Assert.Contains("550", permanent.Reason, StringComparison.Ordinal);
        Assert.Contains("recipient", permanent.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("reject@", permanent.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.com", permanent.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_RecipientDeferredWith451_Transient()
    {
        var result = await Sender(Sink.Port).SendAsync(TestEmails.Plain("defer:1", "defer@example.com"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Contains("451", transient.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("defer@", transient.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_CredentialsRefusedWith535_TransientNamingTheSettings()
    {
        var sender = Sender(Sink.Port, o =>
        {
            o.UserName = SmtpSinkServer.WrongUserName;
            o.Password = "secret";
        });

        var result = await sender.SendAsync(TestEmails.Plain("auth:wrong"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Contains("Email:Smtp:UserName", transient.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", transient.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredButNotOffered_Transient()
    {
        var result = await Sender(Sink.Port, o => o.Security = "StartTls").SendAsync(TestEmails.Plain("tls:1"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Contains("Email:Smtp:Security", transient.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NothingListening_Transient()
    {
        var port = Ports.FindFree();

        var result = await Sender(port).SendAsync(TestEmails.Report("down:1"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Contains($"127.0.0.1:{port}", transient.Reason, StringComparison.Ordinal);
        Assert.Null(transient.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ServerNeverGreets_TransientAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accept = silent.AcceptTcpClientAsync();

        var result = await Sender(port, o => o.TimeoutSeconds = 1).SendAsync(TestEmails.Plain("slow:1"), CancellationToken.None);

        var transient = Assert.IsType<EmailSendResult.Transient>(result);
        Assert.Contains("did not answer within 1 s", transient.Reason, StringComparison.Ordinal);
        (await accept).Dispose();
    }

    [Fact]
    public async Task SendAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender(Sink.Port).SendAsync(TestEmails.Plain("cancel:1"), cancelled.Token));
    }

    [Fact]
    public async Task SendAsync_SentRefusedAndDeferred_LogsNeitherAddressesNorContent()
    {
        var logger = new RecordingLogger<SmtpEmailSender>();
        var sender = Sender(Sink.Port, logger: logger);

        await sender.SendAsync(TestEmails.Report("log:1"), CancellationToken.None);
        await sender.SendAsync(TestEmails.Plain("log:2", "reject@example.com"), CancellationToken.None);
        await sender.SendAsync(TestEmails.Plain("log:3", "defer@example.com"), CancellationToken.None);

        Assert.Equal(3, logger.Lines.Count);
        Assert.All(logger.Lines, line =>
        {
            Assert.DoesNotContain("@example.com", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("shop.example", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Rétention", line, StringComparison.Ordinal);
            Assert.DoesNotContain("log:", line, StringComparison.Ordinal);
        });
    }

    private static SmtpEmailSender Sender(int port, Action<SmtpEmailOptions>? configure = null, Microsoft.Extensions.Logging.ILogger<SmtpEmailSender>? logger = null)
    {
        var options = new SmtpEmailOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = 10 };
        configure?.Invoke(options);
        return new SmtpEmailSender(Options.Create(options), logger ?? NullLogger<SmtpEmailSender>.Instance);
    }

    private async Task<MimeMessage> ReceivedAsync(string? queueId)
    {
        Assert.NotNull(queueId);
        await Sink.WaitForMessagesAsync(int.Parse(queueId, System.Globalization.CultureInfo.InvariantCulture), Wait);
        return await MimeMessage.LoadAsync(Sink.MessageFile(queueId));
    }

    private static byte[] Bytes(MimePart part)
    {
        using var stream = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(stream);
        return stream.ToArray();
    }
}
