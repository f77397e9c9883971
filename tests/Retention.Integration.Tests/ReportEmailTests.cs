using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Retention.Application.Import;
using Retention.Application.Nightly;
using Retention.Application.Reports;
using Retention.DevServers;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// The nightly job on real data, sending its report through the SMTP adapter to a real SMTP server; the message is
/// parsed back with MimeKit and checked against the report the API serves.
/// </summary>
public sealed class ReportEmailTests
{
    [Fact]
    public async Task Nightly_WithRecipients_SendsOneWellFormedReportEmailPerDay()
    {
        await using var smtp = await SmtpSinkServer.StartAsync(RepoRoot.Find());
        await using var api = await TestApi.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Email:Provider"] = "smtp",
            ["Email:Smtp:Host"] = SmtpSinkServer.Host,
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "reports@cdnow.example",
            ["Report:Recipients"] = "owner@cdnow.example, analyst@cdnow.example",
            ["Report:StoreName"] = "CDNOW & Co",
            ["Store:Currency"] = "USD",
        });
        using (var reader = new StreamReader(Datasets.Path("cdnow", "CDNOW_sample.txt")))
        {
            await api.Services.GetRequiredService<ImportPurchases>().ExecuteAsync(reader, "USD", null, CancellationToken.None);
        }
        var nightly = api.Services.GetRequiredService<RunNightly>();

        var first = await nightly.ExecuteAsync(new DateOnly(1997, 12, 31), CancellationToken.None);
        var again = await nightly.ExecuteAsync(new DateOnly(1997, 12, 31), CancellationToken.None);
        var files = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10));
        await Task.Delay(500);

        Assert.Equal(ReportEmailStatus.Sent, first.Email);
        Assert.Equal(ReportEmailStatus.AlreadySent, again.Email);
        Assert.Single(smtp.MessageFiles());
        var message = await MimeMessage.LoadAsync(files[0]);
        Assert.Equal("reports@cdnow.example", message.From.Mailboxes.Single().Address);
        Assert.Equal(["owner@cdnow.example", "analyst@cdnow.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("Retention ", message.Subject, StringComparison.Ordinal);
        Assert.EndsWith("— Dec 1997", message.Subject, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(message.MessageId));

        Assert.Contains("CDNOW &amp; Co", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Are customers coming back?", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("What changed", message.TextBody, StringComparison.Ordinal);
        var image = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.Equal(ReportEmailComposer.ChartContentId, image.ContentId);
        Assert.Contains("cid:" + image.ContentId, message.HtmlBody, StringComparison.Ordinal);
        using (var png = new MemoryStream())
        {
            await image.Content!.DecodeToAsync(png);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.ToArray().Take(4));
        }

        var csvPart = message.Attachments.OfType<MimePart>().Single(p => p.FileName == "retention-1997-12-31.csv");
        using var csv = new MemoryStream();
        await csvPart.Content!.DecodeToAsync(csv);
        var served = await api.Client.GetStringAsync("reports/retention?asOf=1997-12-31&period=month&mode=on&values=percent&format=csv");
        Assert.Equal(served, System.Text.Encoding.UTF8.GetString(csv.ToArray()));
        Assert.StartsWith("cohort,size,0,1,2", served, StringComparison.Ordinal);
        Assert.Contains("1997-01,781,100.0,", served, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nightly_SmtpServerDown_SnapshotStoredEmailFailedAndARerunSendsIt()
    {
        var port = Ports.FindFree();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Provider"] = "smtp",
            ["Email:Smtp:Host"] = SmtpSinkServer.Host,
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Report:Recipients"] = "owner@example.com",
        };
        await using var api = await TestApi.StartAsync(settings: settings);
        (await api.Client.PostAsJsonAsync("purchases", new { orderId = "o-1", customerId = "c-1", purchasedAt = "2026-01-05T10:00:00Z", currency = "USD", total = 10 })).EnsureSuccessStatusCode();
        var nightly = api.Services.GetRequiredService<RunNightly>();

        var failed = await nightly.ExecuteAsync(new DateOnly(2026, 1, 31), CancellationToken.None);

        Assert.Equal(ReportEmailStatus.Failed, failed.Email);
        using var stored = await api.Client.GetAsync("reports/retention?asOf=2026-01-31&values=count");
        Assert.True(stored.IsSuccessStatusCode);
        await using var smtp = await SmtpSinkServer.StartAsync(RepoRoot.Find());
        settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var restarted = await TestApi.StartAsync(sharedTablePrefix: api.TablePrefix, settings: settings);
        var retried = await restarted.Services.GetRequiredService<RunNightly>().ExecuteAsync(new DateOnly(2026, 1, 31), CancellationToken.None);

        Assert.Equal(ReportEmailStatus.Sent, retried.Email);
        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
    }
}
