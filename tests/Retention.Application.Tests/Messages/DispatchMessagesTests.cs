using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retention.Application.Email;
using Retention.Application.Ingest;
using Retention.Application.Messages;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests.Messages;

/// <summary>The dispatcher's decisions with hand-written fakes; the real broker, storage and SMTP are in the integration tests.</summary>
public sealed class DispatchMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly FakeInbox _inbox = new();
    private readonly FakeLedger _ledger = new();
    private readonly FakeCustomers _customers = new();
    private readonly FakeEmail _email = new();

    private DispatchMessages Dispatcher(int budget = 30) => new(
        _inbox, _ledger, new FakeConsent(), _customers, _email,
        new UnsubscribeTokens(Options.Create(new MessagesOptions()), _clock),
        Options.Create(new MessagesOptions { BudgetPerRun = budget }), Options.Create(new BrandOptions()), Options.Create(new EmailOptions()),
        _clock, NullLogger<DispatchMessages>.Instance);

    private void Customer(string id, string email = "a@example.com") =>
        _customers.Contacts[id] = new CustomerContact(new Stamped<EmailAddress>(EmailAddress.Parse(email), Now), null, new Stamped<bool>(true, Now));

    private static RetentionMessage Points(string customerId, int n = 1) => new(
        $"points-earned:{customerId}:{n}", MessageType.PointsEarned, CustomerId.Parse(customerId), null, Now,
        new MessageData { Points = 10, PointsBalance = 100 });

    [Fact]
    public async Task Execute_MoreQueuedThanTheBudget_SendsTheBudgetAndLeavesTheRest()
    {
        for (var i = 0; i < 12; i++)
        {
            Customer($"c{i}");
            _inbox.Add(Points($"c{i}"));
        }

        var summary = await Dispatcher(budget: 5).ExecuteAsync(CancellationToken.None);

        Assert.Equal(5, summary.Sent);
        Assert.Equal(5, _email.Sent.Count);
        Assert.Equal(7, _inbox.Queued);
        Assert.All(_inbox.Requested, n => Assert.InRange(n, 1, 5));
    }

    [Fact]
    public async Task Execute_AlreadyInTheLedger_CompletesWithoutSending()
    {
        Customer("c1");
        _inbox.Add(Points("c1"));
        _ledger.Entries.Add("points-earned:c1:1");

        var summary = await Dispatcher().ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, summary.AlreadySent);
        Assert.Empty(_email.Sent);
        Assert.Equal(1, _inbox.Completed);
    }

    [Fact]
    public async Task Execute_ProviderBusy_AbandonsAndStopsBeforeTheNext()
    {
        Customer("c1", "defer@example.com");
        Customer("c2");
        _inbox.Add(Points("c1"));
        _inbox.Add(Points("c2"));
        _email.Answer = to => to == "defer@example.com" ? new EmailSendResult.Transient("421 busy for defer@example.com", null) : new EmailSendResult.Sent("id");

        var summary = await Dispatcher().ExecuteAsync(CancellationToken.None);

        Assert.True(summary.StoppedEarly);
        Assert.Equal(0, summary.Sent);
        Assert.Empty(_ledger.Entries);
        Assert.Equal(2, _inbox.Abandoned);
    }

    [Fact]
    public async Task Execute_SendFailsAfterTheLedgerCheck_NothingIsRecorded()
    {
        Customer("c1", "reject@example.com");
        _inbox.Add(Points("c1"));
        _email.Answer = _ => new EmailSendResult.Permanent("550 5.1.1 <reject@example.com>: no such user");

        var summary = await Dispatcher().ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, summary.DeadLettered);
        Assert.Empty(_ledger.Entries);
        Assert.Equal("send-rejected", _inbox.DeadLetters.Single().Reason);
        Assert.Equal("550 5.1.1 <[address]>: no such user", _inbox.DeadLetters.Single().Description);
    }

    [Theory]
    [InlineData("refused <a.b+c@example.co.uk>.", "refused <[address]>.")]
    [InlineData("user x@y rejected", "user [address] rejected")]
    [InlineData("no address here", "no address here")]
    public void WithoutAddresses_ReplacesEveryAddress(string text, string expected) =>
        Assert.Equal(expected, DispatchMessages.WithoutAddresses(text));

    private sealed class FakeInbox : IMessageInbox
    {
        private readonly Queue<InboxMessage> _queue = new();

        public List<int> Requested { get; } = [];
        public List<(string Reason, string Description)> DeadLetters { get; } = [];
        public int Completed { get; private set; }
        public int Abandoned { get; private set; }
        public int Queued => _queue.Count;

        public void Add(RetentionMessage message) =>
            _queue.Enqueue(new InboxMessage(message.MessageId, MessageContract.Serialize(message), 1, message));

        public Task<IReadOnlyList<InboxMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
        {
            Requested.Add(maxMessages);
            var batch = new List<InboxMessage>();
            while (batch.Count < maxMessages && _queue.TryDequeue(out var message))
            {
                batch.Add(message);
            }
            return Task.FromResult<IReadOnlyList<InboxMessage>>(batch);
        }

        public Task CompleteAsync(InboxMessage message, CancellationToken cancellationToken)
        {
            Completed++;
            return Task.CompletedTask;
        }

        public Task AbandonAsync(InboxMessage message, CancellationToken cancellationToken)
        {
            Abandoned++;
            return Task.CompletedTask;
        }

        public Task DeadLetterAsync(InboxMessage message, string reason, string description, CancellationToken cancellationToken)
        {
            DeadLetters.Add((reason, description));
            return Task.CompletedTask;
        }
    }

    private sealed class FakeLedger : IMessageLedger
    {
        public HashSet<string> Entries { get; } = [];

        public Task<MessageLedgerEntry?> FindAsync(CustomerId customerId, string messageId, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.Contains(messageId)
                ? new MessageLedgerEntry(customerId, messageId, "t", false, MessageOutcome.Sent, null, "en", null, Now)
                : null);

        public Task RecordAsync(MessageLedgerEntry entry, CancellationToken cancellationToken)
        {
            Entries.Add(entry.MessageId);
            return Task.CompletedTask;
        }

        public Task<int> CountMarketingSentAsync(CustomerId customerId, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult(0);

        public async IAsyncEnumerable<string> ReadSentMessageIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public async IAsyncEnumerable<MessageLedgerEntry> ReadCustomerAsync(CustomerId customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private sealed class FakeConsent : IConsentStore
    {
        public Task<ConsentRecord> GetAsync(CustomerId customerId, CancellationToken cancellationToken) => Task.FromResult(ConsentRecord.None);

        public Task<ConsentRecord> UpdateAsync(CustomerId customerId, Func<ConsentRecord, ConsentRecord> change, CancellationToken cancellationToken) =>
            Task.FromResult(change(ConsentRecord.None));

        public Task<bool> IsSuppressedAsync(EmailAddress address, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task SuppressAsync(EmailAddress address, string reason, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FakeCustomers : IOrderLedger
    {
        public Dictionary<string, CustomerContact> Contacts { get; } = [];

        public Task<CustomerSummary?> FindCustomerAsync(CustomerId customerId, CancellationToken cancellationToken) =>
            Task.FromResult(Contacts.TryGetValue(customerId.Value, out var contact)
                ? CustomerSummary.Empty(customerId) with { Contact = contact }
                : null);

        public Task<IReadOnlyList<PurchaseOutcome>> RecordPurchasesAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RefundOutcome> RefundAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CancelOutcome> CancelAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Order?> FindOrderAsync(OrderId orderId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<CustomerSummary> ReadAllCustomersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class FakeEmail : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];
        public Func<string, EmailSendResult> Answer { get; set; } = _ => new EmailSendResult.Sent("id");

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            var result = Answer(message.To[0].Value);
            if (result is EmailSendResult.Sent)
            {
                Sent.Add(message);
            }
            return Task.FromResult(result);
        }
    }
}
