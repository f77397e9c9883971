using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retention.Application.Email;
using Retention.Application.Ingest;
using Retention.Application.Nightly;
using Retention.Application.Ports;
using Retention.Application.Reports;
using Retention.Domain.Amounts;
using Retention.Domain.Cohorts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Application.Tests;

public sealed class RunNightlyTests
{
    // 23:30 UTC on 31 March is already 1 April in Berlin (UTC+2 in summer time).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
    private readonly FakeLedger _ledger = new();
    private readonly FakeSnapshots _snapshots = new();

    private readonly FakeEmail _email = new();

    private RunNightly Nightly(string zone = "Europe/Berlin", string recipients = "") =>
        new(
            new RetentionCalculator(_ledger, Options.Create(new StoreOptions { TimeZone = zone, Currency = "EUR" }), _clock),
            _snapshots,
            new SendReportEmail(_email, _email, _email, Options.Create(new ReportEmailOptions { Recipients = recipients }), Options.Create(new EmailOptions()),
                _clock, NullLogger<SendReportEmail>.Instance),
            NullLogger<RunNightly>.Instance);

    [Fact]
    public async Task Execute_NoDate_ComputesAsOfYesterdayInTheStoreZone()
    {
        var result = await Nightly().ExecuteAsync(null, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 3, 31), result.Snapshot.AsOf);
        Assert.Equal("Europe/Berlin", result.Snapshot.TimeZone);
        Assert.Same(result.Snapshot, Assert.Single(_snapshots.Saved));
    }

    [Fact]
    public async Task Execute_NoDateInUtc_YesterdayIsTheUtcDay()
    {
        var result = await Nightly("UTC").ExecuteAsync(null, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 3, 30), result.Snapshot.AsOf);
    }

    [Fact]
    public async Task Execute_TodayOrLater_IsRefusedAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Nightly().ExecuteAsync(new DateOnly(2026, 4, 1), CancellationToken.None));

        Assert.Empty(_snapshots.Saved);
    }

    [Fact]
    public async Task Execute_CountsOnlyStoreCurrencyRevenueButAllActivity()
    {
        _ledger.Summaries.Add(Summary("c1", ("2026-01-10T10:00:00Z", 10m, "EUR"), ("2026-02-10T10:00:00Z", 99m, "USD")));

        var result = await Nightly().ExecuteAsync(new DateOnly(2026, 3, 31), CancellationToken.None);

        var january = result.Snapshot.Monthly.Rows[0];
        Assert.Equal([1, 1, 0], january.On.ToArray());
        Assert.Equal([10m, 0m, 0m], january.Revenue.ToArray());
    }

    [Fact]
    public async Task Execute_WithRecipients_SendsTheReportOnceForTheDay()
    {
        var first = await Nightly(recipients: "owner@example.com").ExecuteAsync(new DateOnly(2026, 3, 30), CancellationToken.None);
        var second = await Nightly(recipients: "owner@example.com").ExecuteAsync(new DateOnly(2026, 3, 30), CancellationToken.None);

        Assert.Equal(ReportEmailStatus.Sent, first.Email);
        Assert.Equal(ReportEmailStatus.AlreadySent, second.Email);
        var message = Assert.Single(_email.Sent);
        Assert.Equal("report:2026-03-30", message.IdempotencyKey);
        Assert.Equal(2, _snapshots.Saved.Count);
    }

    [Fact]
    public async Task Execute_SendFailsTransiently_SnapshotStoredAndTheNextRunForTheDaySends()
    {
        _email.Next = new EmailSendResult.Transient("421 try later", null);

        var failed = await Nightly(recipients: "owner@example.com").ExecuteAsync(new DateOnly(2026, 3, 30), CancellationToken.None);
        var retried = await Nightly(recipients: "owner@example.com").ExecuteAsync(new DateOnly(2026, 3, 30), CancellationToken.None);

        Assert.Equal(ReportEmailStatus.Failed, failed.Email);
        Assert.Equal(ReportEmailStatus.Sent, retried.Email);
        Assert.Single(_email.Sent);
        Assert.Equal(2, _snapshots.Saved.Count);
    }

    [Fact]
    public async Task Execute_SenderThrows_JobStillSucceedsWithTheSnapshot()
    {
        _email.Throw = true;

        var result = await Nightly(recipients: "owner@example.com").ExecuteAsync(new DateOnly(2026, 3, 30), CancellationToken.None);

        Assert.Equal(ReportEmailStatus.Failed, result.Email);
        Assert.Single(_snapshots.Saved);
        Assert.Empty(_email.Claimed);
    }

    [Fact]
    public async Task Execute_NoRecipients_SkipsTheEmail()
    {
        var result = await Nightly().ExecuteAsync(new DateOnly(2026, 3, 30), CancellationToken.None);

        Assert.Equal(ReportEmailStatus.NoRecipients, result.Email);
        Assert.Empty(_email.Sent);
    }

    private static CustomerSummary Summary(string customer, params (string At, decimal Amount, string Currency)[] orders)
    {
        var summary = CustomerSummary.Empty(CustomerId.Parse(customer));
        var n = 0;
        foreach (var (at, amount, currency) in orders)
        {
            summary = summary.Apply(new Order
            {
                RecordedAt = DateTimeOffset.UnixEpoch,
                Purchase = new Purchase
                {
                    OrderId = OrderId.Parse($"{customer}-{n++}"),
                    CustomerId = CustomerId.Parse(customer),
                    PurchasedAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
                    Total = new Money(amount, CurrencyCode.Parse(currency)),
                },
            });
        }
        return summary;
    }

    private sealed class FakeLedger : IOrderLedger
    {
        public List<CustomerSummary> Summaries { get; } = [];

        public async IAsyncEnumerable<CustomerSummary> ReadAllCustomersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var summary in Summaries)
            {
                await Task.Yield();
                yield return summary;
            }
        }

        public Task<IReadOnlyList<PurchaseOutcome>> RecordPurchasesAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<RefundOutcome> RefundAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CancelOutcome> CancelAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Order?> FindOrderAsync(OrderId orderId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CustomerSummary?> FindCustomerAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

        public Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Sender, ledger and chart renderer in one hand-written fake.</summary>
    private sealed class FakeEmail : IEmailSender, IReportEmailLedger, IChartRenderer
    {
        public List<EmailMessage> Sent { get; } = [];
        public HashSet<DateOnly> Claimed { get; } = [];
        public HashSet<DateOnly> Done { get; } = [];
        public EmailSendResult? Next { get; set; }
        public bool Throw { get; set; }

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (Throw)
            {
                throw new InvalidOperationException("sender bug");
            }
            if (Next is { } next)
            {
                Next = null;
                return Task.FromResult(next);
            }
            Sent.Add(message);
            return Task.FromResult<EmailSendResult>(new EmailSendResult.Sent("id-1"));
        }

        public Task<bool> TryBeginAsync(DateOnly asOf, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult(!Done.Contains(asOf) && Claimed.Add(asOf));

        public Task CompleteAsync(DateOnly asOf, string? providerMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
        {
            Claimed.Remove(asOf);
            Done.Add(asOf);
            return Task.CompletedTask;
        }

        public Task AbandonAsync(DateOnly asOf, CancellationToken cancellationToken)
        {
            Claimed.Remove(asOf);
            return Task.CompletedTask;
        }

        public byte[] RetentionCurvesPng(IReadOnlyList<RetentionCurve> curves, int width, int height) => [0x89, 0x50, 0x4E, 0x47];
    }

    private sealed class FakeSnapshots : ISnapshotStore
    {
        public List<RetentionSnapshot> Saved { get; } = [];

        public Task SaveAsync(RetentionSnapshot snapshot, CancellationToken cancellationToken)
        {
            Saved.Add(snapshot);
            return Task.CompletedTask;
        }

        public Task<RetentionSnapshot?> FindAsync(DateOnly asOf, CancellationToken cancellationToken) =>
            Task.FromResult(Saved.LastOrDefault(s => s.AsOf == asOf));
    }
}
