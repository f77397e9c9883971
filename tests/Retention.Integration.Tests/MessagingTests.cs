using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Retention.Application.Messages;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Infrastructure.Messaging;
using Retention.Integration.Tests.Support;

namespace Retention.Integration.Tests;

/// <summary>
/// Customer messages end to end on real parts: the real Service Bus client against the AMQP test broker, the
/// dispatcher, Azurite for the ledger and consent, and a real SMTP server; assertions on the emails that arrived and
/// on the broker's own queue state.
/// </summary>
public sealed class MessagingTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static RetentionMessage Message(MessageType type, string customerId, string? suffix = null) => new(
        $"{type.Name}:{customerId}:{suffix ?? "1"}", type, CustomerId.Parse(customerId), null, Now,
        new MessageData
        {
            OrderId = OrderId.Parse("A-" + customerId),
            Items = [new MessageItem("Masala chai 250 g", 2, "TEA-CHAI-250")],
            Coupon = new CouponOffer("THANKS-" + customerId.ToUpperInvariant(), 15m, null, null, Now.AddDays(7)),
            Points = 45,
            PointsBalance = 860,
            Tier = "Gold",
            OrderCount = 5,
            LastPurchaseAt = Now.AddDays(-120),
        });

    [Fact]
    public async Task Dispatch_MixOfCustomers_SendsExactlyTheExpectedEmails()
    {
        await using var rig = await MessagingRig.StartAsync();
        await rig.AddCustomerAsync("c-en", "olivia@example.com", "en-GB", consent: true, firstName: "Olivia");
        await rig.AddCustomerAsync("c-fa", "sara@example.com", "fa-IR", consent: true, firstName: "سارا");
        await rig.AddCustomerAsync("c-hi", "asha@example.com", "hi-IN", consent: false, firstName: "आशा");
        await rig.AddCustomerAsync("c-gu", "hetal@example.com", "gu-IN", consent: true);
        await rig.AddCustomerAsync("c-bn", "suman@example.com", "bn-BD", consent: true);
        await rig.AddCustomerAsync("c-unsub", "gone@example.com", "en", consent: true);
        await rig.AddCustomerAsync("c-cap", "busy@example.com", "en", consent: true);
        await rig.AddCustomerAsync("c-none", "quiet@example.com", "en", consent: null);
        var unsubscribe = rig.Api.Services.GetRequiredService<UnsubscribeTokens>().Issue(CustomerId.Parse("c-unsub"), null, Now);
        using (var done = await rig.Api.Anonymous.PostAsync("unsubscribe?token=" + Uri.EscapeDataString(unsubscribe), null))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        await rig.EnqueueAsync(
            Message(MessageType.ThankYou, "c-en"),
            Message(MessageType.WinBack, "c-fa"),
            Message(MessageType.ThankYou, "c-hi"),        // no consent: skipped
            Message(MessageType.PointsEarned, "c-hi"),    // transactional: sent anyway
            Message(MessageType.MilestoneReward, "c-gu"),
            Message(MessageType.Replenishment, "c-bn"),
            Message(MessageType.CouponExpiring, "c-unsub"),
            Message(MessageType.ThankYou, "c-cap", "a"),
            Message(MessageType.WinBack, "c-cap", "b"),
            Message(MessageType.FeedbackRequest, "c-cap", "c"), // third marketing email in 7 days: capped
            Message(MessageType.ThankYou, "c-none"),      // never said: opt-in means no
            Message(MessageType.TierUpgrade, "c-nobody"));
        await using (var client = new ServiceBusClient(rig.Broker.ConnectionString))
        await using (var sender = client.CreateSender(MessagingRig.Queue))
        {
            await sender.SendMessageAsync(new ServiceBusMessage("""{"schemaVersion":1,"messageId":"x","type":"birthday","customerId":"c-en","createdAt":"2026-11-24T10:00:00Z"}""") { MessageId = "bad-type" });
            await sender.SendMessageAsync(new ServiceBusMessage("{not json") { MessageId = "bad-json" });
        }

        var summary = await rig.DispatchAsync();
        var emails = await rig.EmailsAsync();

        Assert.Equal(14, summary.Received);
        Assert.Equal(7, summary.Sent);
        Assert.Equal(2, summary.DeadLettered);
        Assert.Equal(new Dictionary<string, int>
        {
            [SkipReason.FrequencyCapped] = 1, [SkipReason.NoConsent] = 2, [SkipReason.UnknownCustomer] = 1, [SkipReason.Unsubscribed] = 1,
        }, summary.Skipped);
        Assert.Equal(
            ["asha@example.com", "busy@example.com", "busy@example.com", "hetal@example.com", "olivia@example.com", "sara@example.com", "suman@example.com"],
            emails.Select(e => e.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));

        var persian = emails.Single(e => e.To.Mailboxes.Single().Address == "sara@example.com");
        Assert.Contains("dir=\"rtl\"", persian.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("سارا", persian.HtmlBody, StringComparison.Ordinal);
        Assert.Matches("[\u0600-\u06FF]", persian.Subject);
        Assert.Matches("[\u0900-\u097F]", emails.Single(e => e.To.Mailboxes.Single().Address == "asha@example.com").Subject);
        Assert.Matches("[\u0A80-\u0AFF]", emails.Single(e => e.To.Mailboxes.Single().Address == "hetal@example.com").Subject);
        Assert.Matches("[\u0980-\u09FF]", emails.Single(e => e.To.Mailboxes.Single().Address == "suman@example.com").Subject);
        Assert.Contains("THANKS-C-EN", emails.Single(e => e.To.Mailboxes.Single().Address == "olivia@example.com").HtmlBody, StringComparison.Ordinal);

        foreach (var email in emails)
        {
            var marketing = email.To.Mailboxes.Single().Address != "asha@example.com";
            Assert.Equal(marketing, email.Headers.Contains("List-Unsubscribe"));
            if (marketing)
            {
                Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
                Assert.Matches("^<http://127\\.0\\.0\\.1:7071/api/unsubscribe\\?token=[A-Za-z0-9._%-]+>$", email.Headers["List-Unsubscribe"]);
                Assert.Contains("/api/unsubscribe?token=", email.HtmlBody, StringComparison.Ordinal);
            }
            Assert.Equal("hello@chai.example", email.From.Mailboxes.Single().Address);
            Assert.False(string.IsNullOrWhiteSpace(email.TextBody));
        }

        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(0, queue.ActiveCount);
        Assert.Equal(0, queue.LockedCount);
        Assert.Equal(12, queue.CompletedCount);
        Assert.Equal(["invalid-json", "unknown-type"], queue.DeadLettered.Select(d => d.Reason).Order(StringComparer.Ordinal));

        var letters = await rig.Api.Services.GetRequiredService<IDeadLetterReader>().PeekAsync(10, CancellationToken.None);
        Assert.Equal(["bad-json", "bad-type"], letters.Select(l => l.MessageId).Order(StringComparer.Ordinal));
        Assert.Contains("birthday", letters.Single(l => l.MessageId == "bad-type").Description, StringComparison.Ordinal);

        var again = await rig.DispatchAsync();
        Assert.Equal(0, again.Received);
        Assert.Equal(7, (await rig.EmailsAsync()).Count);
    }

    [Fact]
    public async Task Enqueue_SameDecisionTwice_IsSentOnce()
    {
        await using var rig = await MessagingRig.StartAsync();
        await rig.AddCustomerAsync("c-1", "one@example.com", "en", consent: true);

        await rig.EnqueueAsync(Message(MessageType.ThankYou, "c-1"));
        await rig.EnqueueAsync(Message(MessageType.ThankYou, "c-1"));
        var summary = await rig.DispatchAsync();

        Assert.Equal(1, summary.Sent);
        Assert.Single(await rig.EmailsAsync());
        Assert.Equal(1, rig.Broker.GetQueue(MessagingRig.Queue).CompletedCount);
    }

    [Fact]
    public async Task Dispatch_CompleteFailsAfterSending_RedeliveryIsCompletedWithoutASecondEmail()
    {
        var failing = new FailFirstCompleteInbox();
        await using var rig = await MessagingRig.StartAsync(lockDuration: TimeSpan.FromSeconds(2), configureServices: services =>
            services.AddSingleton<IMessageInbox>(sp => failing.Wrap(ActivatorUtilities.CreateInstance<ServiceBusMessageInbox>(sp))));
        await rig.AddCustomerAsync("c-1", "one@example.com", "en", consent: true);
        await rig.EnqueueAsync(Message(MessageType.ThankYou, "c-1"));

        var first = await rig.DispatchAsync();
        Assert.Equal(1, first.Sent);
        Assert.Equal(1, rig.Broker.GetQueue(MessagingRig.Queue).LockedCount);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var second = await rig.DispatchAsync();

        Assert.Equal(1, second.AlreadySent);
        Assert.Equal(0, second.Sent);
        Assert.Single(await rig.EmailsAsync());
        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(1, queue.CompletedCount);
        Assert.Equal(0, queue.ActiveCount);
    }

    [Fact]
    public async Task Dispatch_LockExpiresBeforeComplete_LateCompleteFailsAndRedeliverySendsNothing()
    {
        var slow = new SlowCompleteInbox(TimeSpan.FromSeconds(3));
        await using var rig = await MessagingRig.StartAsync(lockDuration: TimeSpan.FromSeconds(1), configureServices: services =>
            services.AddSingleton<IMessageInbox>(sp => slow.Wrap(ActivatorUtilities.CreateInstance<ServiceBusMessageInbox>(sp))));
        await rig.AddCustomerAsync("c-1", "one@example.com", "en", consent: true);
        await rig.EnqueueAsync(Message(MessageType.WinBack, "c-1"));

        var first = await rig.DispatchAsync();
        var second = await rig.DispatchAsync();

        Assert.Equal(1, slow.LockLost);
        Assert.Equal(1, first.Sent + second.Sent);
        Assert.Equal(1, first.AlreadySent + second.AlreadySent);
        Assert.Single(await rig.EmailsAsync());
        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(1, queue.CompletedCount);
        Assert.Empty(queue.DeadLettered);
    }

    [Fact]
    public async Task Dispatch_FiveHundredQueuedWithBudgetThirty_ThirtyPerRunNoneLost()
    {
        await using var rig = await MessagingRig.StartAsync();
        var customers = Enumerable.Range(0, 500).Select(i => $"r{i:D3}").ToList();
        var purchases = customers.Select(c => System.Text.Json.JsonSerializer.Serialize(new
        {
            orderId = "O-" + c, customerId = c, purchasedAt = "2026-10-01T12:00:00Z", currency = "INR", total = 100, email = c + "@example.com",
        }));
        using (var batch = await rig.Api.Client.PostAsync("purchases/batch", Bodies.Json(Bodies.Batch(purchases))))
        {
            Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        }
        await rig.EnqueueAsync([.. customers.Select(c => Message(MessageType.PointsEarned, c))]);

        var perRun = new List<int>();
        for (var run = 0; run < 30; run++)
        {
            var summary = await rig.DispatchAsync();
            if (summary.Received == 0)
            {
                break;
            }
            perRun.Add(summary.Sent);
        }

        Assert.Equal(17, perRun.Count);
        Assert.All(perRun.Take(16), sent => Assert.Equal(30, sent));
        Assert.Equal(20, perRun[^1]);
        Assert.Equal(500, (await rig.EmailsAsync()).Select(e => e.To.Mailboxes.Single().Address).Distinct().Count());
        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(500, queue.CompletedCount);
        Assert.Empty(queue.DeadLettered);
    }

    [Fact]
    public async Task Dispatch_ProviderDefers_AbandonsAndStopsTheRunThenSendsLater()
    {
        await using var rig = await MessagingRig.StartAsync();
        await rig.AddCustomerAsync("c-defer", "defer@example.com", "en", consent: true);
        await rig.AddCustomerAsync("c-ok", "ok@example.com", "en", consent: true);
        await rig.EnqueueAsync(Message(MessageType.PointsEarned, "c-defer"), Message(MessageType.PointsEarned, "c-ok"));

        var busy = await rig.DispatchAsync();

        Assert.True(busy.StoppedEarly);
        Assert.Equal(0, busy.Sent);
        Assert.InRange(busy.Abandoned, 1, 2);
        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(2, queue.ActiveCount);
        Assert.Empty(queue.DeadLettered);
    }

    [Fact]
    public async Task Dispatch_ProviderRejectsTheAddress_DeadLettersSendRejected()
    {
        await using var rig = await MessagingRig.StartAsync();
        await rig.AddCustomerAsync("c-bad", "reject@example.com", "en", consent: true);
        await rig.EnqueueAsync(Message(MessageType.PointsEarned, "c-bad"));

        var summary = await rig.DispatchAsync();

        Assert.Equal(1, summary.DeadLettered);
        var letter = rig.Broker.GetQueue(MessagingRig.Queue).DeadLettered.Single();
        Assert.Equal("send-rejected", letter.Reason);
        Assert.DoesNotContain("reject@example.com", letter.ErrorDescription ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_LinkFromTheEmail_OneClickPostStopsMarketingForGood()
    {
        await using var rig = await MessagingRig.StartAsync();
        await rig.AddCustomerAsync("c-1", "one@example.com", "hi-IN", consent: true);
        await rig.EnqueueAsync(Message(MessageType.ThankYou, "c-1"));
        await rig.DispatchAsync();
        var link = (await rig.EmailsAsync()).Single().Headers["List-Unsubscribe"]!.Trim('<', '>');
        var query = new Uri(link).Query;

        using (var page = await rig.Api.Anonymous.GetAsync("unsubscribe" + query))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(DateTimeOffset.MinValue, (await ConsentAsync(rig, "c-1")).UnsubscribedAt ?? DateTimeOffset.MinValue);

        using (var oneClick = await rig.Api.Anonymous.PostAsync("unsubscribe" + query,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
            Assert.Contains("lang=\"hi\"", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.NotNull((await ConsentAsync(rig, "c-1")).UnsubscribedAt);

        await rig.AddCustomerAsync("c-1", "one@example.com", "hi-IN", consent: true, purchasedAt: "2026-11-01T12:00:00Z");
        await rig.EnqueueAsync(Message(MessageType.WinBack, "c-1"), Message(MessageType.PointsEarned, "c-1", "2"));
        var after = await rig.DispatchAsync();

        Assert.Equal(1, after.Skipped[SkipReason.Unsubscribed]);
        Assert.Equal(1, after.Sent);
        Assert.Equal(2, (await rig.EmailsAsync()).Count);
    }

    [Fact]
    public async Task Unsubscribe_ReplayedTamperedAndExpiredTokens_GetClearPages()
    {
        await using var rig = await MessagingRig.StartAsync();
        var tokens = rig.Api.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.Issue(CustomerId.Parse("c-1"), LocaleTag.Parse("fa"), Now);
        var expired = tokens.Issue(CustomerId.Parse("c-1"), LocaleTag.Parse("fa"), Now.AddDays(-366));
        var tampered = "A" + token[1..];

        var first = await PostAsync(rig, token);
        var replay = await PostAsync(rig, token);
        var bad = await PostAsync(rig, tampered);
        var old = await PostAsync(rig, expired);
        using var badGet = await rig.Api.Anonymous.GetAsync("unsubscribe?token=" + Uri.EscapeDataString(tampered));
        using var none = await rig.Api.Anonymous.GetAsync("unsubscribe");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("dir=\"rtl\"", first.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.NotEqual(first.Html, replay.Html);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(HttpStatusCode.Gone, old.Status);
        Assert.NotEqual(bad.Html, old.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badGet.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        foreach (var html in new[] { first.Html, replay.Html, bad.Html, old.Html })
        {
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Consent_StorefrontWithdrawsThenGivesConsent_DispatcherFollows()
    {
        await using var rig = await MessagingRig.StartAsync();
        await rig.AddCustomerAsync("c-1", "one@example.com", "en", consent: true);

        using (var withdraw = await rig.Api.Client.PostAsync("customers/c-1/consent", Bodies.Json("""{"marketingConsent":false}""")))
        {
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
            Assert.Contains("\"marketingConsent\":false", await withdraw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await rig.EnqueueAsync(Message(MessageType.ThankYou, "c-1", "a"));
        Assert.Equal(1, (await rig.DispatchAsync()).Skipped[SkipReason.NoConsent]);

        using (var give = await rig.Api.Client.PostAsync("customers/c-1/consent", Bodies.Json("""{"marketingConsent":true}""")))
        {
            Assert.Equal(HttpStatusCode.OK, give.StatusCode);
        }
        await rig.EnqueueAsync(Message(MessageType.ThankYou, "c-1", "b"));
        Assert.Equal(1, (await rig.DispatchAsync()).Sent);
    }

    [Theory]
    [InlineData("""{}""", "$.marketingConsent")]
    [InlineData("""{"marketingConsent":"yes"}""", "$.marketingConsent")]
    [InlineData("""{"marketingConsent":true,"changedAt":"yesterday"}""", "$.changedAt")]
    [InlineData("""{"marketingConsent":true,"changedAt":"2099-01-01T00:00:00Z"}""", "$.changedAt")]
    public async Task Consent_BadBody_ProblemNamesTheField(string body, string field)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("customers/c-1/consent", Bodies.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_WithoutKey_Is401()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.PostAsync("customers/c-1/consent", Bodies.Json("""{"marketingConsent":true}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Publish_WithNotBefore_IsScheduledOnTheBroker()
    {
        await using var rig = await MessagingRig.StartAsync();
        var publisher = rig.Api.Services.GetRequiredService<IMessagePublisher>();

        await publisher.PublishAsync([new OutgoingMessage(Message(MessageType.FeedbackRequest, "c-1"), Now.AddDays(7))], CancellationToken.None);

        var queue = rig.Broker.GetQueue(MessagingRig.Queue);
        Assert.Equal(1, queue.ScheduledCount);
        Assert.Equal(0, queue.ActiveCount);
    }

    private static async Task<ConsentSnapshot> ConsentAsync(MessagingRig rig, string customerId)
    {
        var record = await rig.Api.Services.GetRequiredService<IConsentStore>().GetAsync(CustomerId.Parse(customerId), CancellationToken.None);
        return new ConsentSnapshot(record.UnsubscribedAt);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(MessagingRig rig, string token)
    {
        using var response = await rig.Api.Anonymous.PostAsync("unsubscribe?token=" + Uri.EscapeDataString(token),
            new StringContent("List-Unsubscribe=One-Click", Encoding.UTF8, "application/x-www-form-urlencoded"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed record ConsentSnapshot(DateTimeOffset? UnsubscribedAt);

    /// <summary>The real inbox, except that the first complete "fails" without reaching the broker, as if the process died there.</summary>
    private sealed class FailFirstCompleteInbox
    {
        private int _completes;

        public IMessageInbox Wrap(IMessageInbox inner) => new Inbox(inner, this);

        private sealed class Inbox(IMessageInbox inner, FailFirstCompleteInbox owner) : IMessageInbox
        {
            public Task<IReadOnlyList<InboxMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken) => inner.ReceiveAsync(maxMessages, cancellationToken);

            public Task CompleteAsync(InboxMessage message, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref owner._completes) == 1
                    ? throw new ServiceBusException("simulated: the connection dropped before the complete", ServiceBusFailureReason.ServiceCommunicationProblem)
                    : inner.CompleteAsync(message, cancellationToken);

            public Task AbandonAsync(InboxMessage message, CancellationToken cancellationToken) => inner.AbandonAsync(message, cancellationToken);

            public Task DeadLetterAsync(InboxMessage message, string reason, string description, CancellationToken cancellationToken) =>
                inner.DeadLetterAsync(message, reason, description, cancellationToken);
        }
    }

    /// <summary>The real inbox with a pause before the first complete, long enough for the broker's lock to expire.</summary>
    private sealed class SlowCompleteInbox(TimeSpan delay)
    {
        private int _completes;

        public TimeSpan Delay { get; } = delay;

        public int LockLost;

        public IMessageInbox Wrap(IMessageInbox inner) => new Inbox(inner, this);

        private sealed class Inbox(IMessageInbox inner, SlowCompleteInbox owner) : IMessageInbox
        {
            public Task<IReadOnlyList<InboxMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken) => inner.ReceiveAsync(maxMessages, cancellationToken);

            public async Task CompleteAsync(InboxMessage message, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref owner._completes) == 1)
                {
                    await Task.Delay(owner.Delay, cancellationToken);
                }
                try
                {
                    await inner.CompleteAsync(message, cancellationToken);
                }
                catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageLockLost)
                {
                    Interlocked.Increment(ref owner.LockLost);
                    throw;
                }
            }

            public Task AbandonAsync(InboxMessage message, CancellationToken cancellationToken) => inner.AbandonAsync(message, cancellationToken);

            public Task DeadLetterAsync(InboxMessage message, string reason, string description, CancellationToken cancellationToken) =>
                inner.DeadLetterAsync(message, reason, description, cancellationToken);
        }
    }
}
