using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Retention.Application.Email;
using Retention.DevServers;
using Retention.Infrastructure.Email;
using Retention.Infrastructure.Tests.Email;

namespace Retention.Infrastructure.Tests.DevServers;

/// <summary>MailDev as <c>retention up</c> uses it: SMTP in, web API out. Fails (never skips) when MailDev cannot start.</summary>
public sealed class MailDevServerTests
{
    [Fact]
    public async Task StartAsync_MessageSentOverSmtp_ListedByTheApi()
    {
        await using var maildev = await MailDevServer.StartAsync(RepoRoot.Find());
        var sender = new SmtpEmailSender(
            Options.Create(new SmtpEmailOptions { Host = MailDevServer.Host, Port = maildev.SmtpPort }), NullLogger<SmtpEmailSender>.Instance);

        var result = await sender.SendAsync(TestEmails.Report("maildev:1"), CancellationToken.None);

        Assert.IsType<EmailSendResult.Sent>(result);
        var email = Assert.Single(await InboxAsync(maildev, expected: 1));
        Assert.Equal("Rétention — novembre 2026", email.GetProperty("subject").GetString());
        // MailDev inlines the image that cid:chart refers to, so it found the part by its Content-ID.
        Assert.Contains("src=\"data:image/png;base64,", email.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(["chart.png", "cohorts.csv"], email.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("filename").GetString()));
        Assert.NotEmpty(Directory.EnumerateFiles(maildev.MailDirectory, "*.eml"));
        Assert.StartsWith("http://127.0.0.1:", maildev.WebUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_Running_StopsAndDeletesItsMailDirectory()
    {
        var maildev = await MailDevServer.StartAsync(RepoRoot.Find());
        Assert.True(maildev.IsRunning);

        await maildev.StopAsync();

        Assert.False(maildev.IsRunning);
        Assert.False(Directory.Exists(maildev.MailDirectory));
        Assert.True(Ports.IsFree(maildev.SmtpPort));
    }

    [Fact]
    public async Task StartAsync_SmtpPortInUse_FailsNamingThePort()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<DevServerException>(() => MailDevServer.StartAsync(RepoRoot.Find(), smtpPort: port));

        Assert.Contains($"Port {port} is already in use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static async Task<List<JsonElement>> InboxAsync(MailDevServer maildev, int expected)
    {
        using var http = new HttpClient { BaseAddress = new Uri(maildev.WebUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync("api/email"));
            var emails = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            if (emails.Count >= expected || DateTime.UtcNow > deadline)
            {
                return emails;
            }
            await Task.Delay(100);
        }
    }
}
