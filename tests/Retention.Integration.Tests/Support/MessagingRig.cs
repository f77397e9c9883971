using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Retention.Application.Messages;
using Retention.Broker;
using Retention.DevServers;
using Retention.Domain.Messages;

namespace Retention.Integration.Tests.Support;

/// <summary>
/// Real parts for the customer-message path: the AMQP test broker with the queue, a real SMTP server, and the local
/// host over Azurite with the dispatcher wired to both (its timer off: tests run it by hand).
/// </summary>
internal sealed class MessagingRig : IAsyncDisposable
{
    public const string Queue = "retention-messages";

    private MessagingRig(TestBroker broker, SmtpSinkServer smtp, TestApi api)
    {
        Broker = broker;
        Smtp = smtp;
        Api = api;
    }

    public TestBroker Broker { get; }
    public SmtpSinkServer Smtp { get; }
    public TestApi Api { get; }

    public static async Task<MessagingRig> StartAsync(
        TimeSpan? lockDuration = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var broker = await TestBroker.StartAsync(new TestBrokerOptions
        {
            Queues = [Queue],
            LockDuration = lockDuration ?? TimeSpan.FromSeconds(30),
            DuplicateDetectionWindow = TimeSpan.FromMinutes(10),
            MaxDeliveryCount = 5,
        });
        var smtp = await SmtpSinkServer.StartAsync(RepoRoot.Find());
        var all = new Dictionary<string, string?>
        {
            ["ServiceBus:ConnectionString"] = broker.ConnectionString,
            ["ServiceBus:ReceiveWait"] = "00:00:00.500",
            ["Dispatch:RunOnLocalHost"] = "false",
            ["Email:Provider"] = "smtp",
            ["Email:Smtp:Host"] = SmtpSinkServer.Host,
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "hello@chai.example",
            ["Brand:Name"] = "Chai & Co",
            ["Brand:ShopUrl"] = "https://chai.example",
            ["Brand:PostalAddress"] = "Chai & Co, 12 MG Road, Pune 411001, India",
            ["Messages:UnsubscribeSecret"] = "integration-test-unsubscribe-secret-0123456789",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }
        var api = await TestApi.StartAsync(settings: all, configureServices: configureServices);
        return new MessagingRig(broker, smtp, api);
    }

    /// <summary>Records one purchase that carries the customer's contact details.</summary>
    public async Task AddCustomerAsync(string customerId, string email, string? locale = null, bool? consent = true, string? firstName = null, string purchasedAt = "2026-10-01T12:00:00Z")
    {
        using var response = await Api.Client.PostAsJsonAsync("purchases", new
        {
            orderId = "O-" + customerId + "-" + purchasedAt,
            customerId,
            purchasedAt,
            currency = "INR",
            total = 450,
            email,
            firstName,
            locale,
            marketingConsent = consent,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task EnqueueAsync(params RetentionMessage[] messages)
    {
        var errors = await Api.Services.GetRequiredService<EnqueueMessages>().ExecuteAsync([.. messages.Select(m => new OutgoingMessage(m))], CancellationToken.None);
        Assert.Empty(errors);
    }

    public Task<DispatchSummary> DispatchAsync() => Api.Services.GetRequiredService<DispatchMessages>().ExecuteAsync(CancellationToken.None);

    /// <summary>Every email the SMTP server received so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> EmailsAsync()
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Smtp.MessageFiles())
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
