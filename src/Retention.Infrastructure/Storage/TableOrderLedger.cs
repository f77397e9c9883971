using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Retention.Application.Ingest;
using Retention.Application.Ports;
using Retention.Domain.Customers;
using Retention.Domain.Idempotency;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// The order ledger on Azure Table Storage. A purchase is recorded in two steps:
/// <list type="number">
/// <item>claim the order id in the claims table (an insert, so two requests can never both win it);</item>
/// <item>in one entity-group transaction in the customer's partition, insert the order row and replace the
/// customer's summary with an ETag check, so the order and the summary change together or not at all.</item>
/// </list>
/// A request that dies between the steps leaves only a claim; its retry finishes the work (<see cref="ClaimDecision.Complete"/>),
/// and a claim whose order was never written can be taken over after <see cref="OrderClaim.AbandonedAfter"/>.
/// No step is check-then-insert: every decision is made by the storage service's insert or ETag check.
/// </summary>
internal sealed partial class TableOrderLedger(RetentionTables tables, SummaryCache cache, TimeProvider clock, ILogger<TableOrderLedger> logger) : IOrderLedger
{
    private const int MaxTransactionActions = 100;
    private const int MaxAttempts = 8;

    /// <summary>
    /// Failed write rounds a purchase may go through (about 15 s at most with <see cref="Backoff"/>): many writers of one
    /// customer's summary (a burst of that customer's orders on several instances) take turns, one winner per round.
    /// </summary>
    private const int MaxFailedWriteRounds = 16;
    private const int MaxParallelPartitions = 16;

    public Task<IReadOnlyList<PurchaseOutcome>> RecordPurchasesAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken) =>
        GuardAsync(() => RecordAsync(purchases, cancellationToken), cancellationToken);

    public Task<RefundOutcome> RefundAsync(OrderId orderId, RefundRequest request, CancellationToken cancellationToken) =>
        GuardAsync(() => ChangeOrderAsync(orderId, (order, now) => order.Refund(request, now) switch
        {
            RefundDecision.Accepted accepted => (accepted.Order, new RefundOutcome.Recorded(RefundReceipt.For(accepted.Order, accepted.Refund))),
            RefundDecision.Replay replay => (null, new RefundOutcome.Replayed(RefundReceipt.For(order, replay.Refund))),
            var rejected => ((Order?)null, (RefundOutcome)new RefundOutcome.Rejected(rejected)),
        }, () => new RefundOutcome.OrderNotFound(orderId), cancellationToken), cancellationToken);

    public Task<CancelOutcome> CancelAsync(OrderId orderId, CancelRequest request, CancellationToken cancellationToken) =>
        GuardAsync(() => ChangeOrderAsync(orderId, (order, now) => order.Cancel(request, now) switch
        {
            CancelDecision.Accepted accepted => (accepted.Order, new CancelOutcome.Cancelled(orderId, accepted.Cancellation)),
            CancelDecision.AlreadyCancelled already => (null, new CancelOutcome.AlreadyCancelled(orderId, already.Cancellation)),
            CancelDecision.Invalid invalid => ((Order?)null, (CancelOutcome)new CancelOutcome.Invalid(invalid.Field, invalid.Error)),
            _ => throw new InvalidOperationException("Unknown cancel decision."),
        }, () => new CancelOutcome.OrderNotFound(orderId), cancellationToken), cancellationToken);

    public Task<Order?> FindOrderAsync(OrderId orderId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var located = await LocateOrderAsync(orderId, cancellationToken);
            return located is { } found ? OrderEntity.ToOrder(found.Entity) : null;
        }, cancellationToken);

    public Task<CustomerSummary?> FindCustomerAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var row = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.CustomerPartition(customerId), TableKeys.SummaryRow(customerId), cancellationToken: cancellationToken);
            return row.HasValue ? CustomerSummaryEntity.ToSummary(row.Value!) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<Order>> ReadCustomerOrdersAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var orders = new List<Order>();
            await foreach (var entity in tables.Customers.QueryAsync<TableEntity>(OrderRangeFilter(customerId), cancellationToken: cancellationToken))
            {
                orders.Add(OrderEntity.ToOrder(entity));
            }
            return (IReadOnlyList<Order>)[.. orders.OrderBy(o => o.Purchase.PurchasedAt)];
        }, cancellationToken);

    /// <summary>Personal fields of a summary row and of an order row: what erasing removes.</summary>
    private static readonly string[] PersonalFields =
        ["Email", "EmailAsOf", "Locale", "LocaleAsOf", "MarketingConsent", "MarketingConsentAsOf", "FirstName", "FirstNameAsOf"];

    public Task<bool> EraseContactAsync(CustomerId customerId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var found = false;
            await foreach (var order in tables.Customers.QueryAsync<TableEntity>(OrderRangeFilter(customerId), cancellationToken: cancellationToken))
            {
                found = true;
                await EraseRowAsync(order, cancellationToken);
            }
            var summary = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.CustomerPartition(customerId), TableKeys.SummaryRow(customerId), cancellationToken: cancellationToken);
            if (summary.HasValue)
            {
                found = true;
                await EraseRowAsync(summary.Value!, cancellationToken);
            }
            cache.Forget(customerId);
            return found;
        }, cancellationToken);

    /// <summary>
    /// Replaces the row without its personal fields (a merge cannot remove a property), checked by ETag: when a
    /// purchase or refund changed the row meanwhile, it is read again and erased again, so no change is lost.
    /// </summary>
    private async Task EraseRowAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!PersonalFields.Any(entity.ContainsKey))
            {
                return;
            }
            foreach (var field in PersonalFields)
            {
                entity.Remove(field);
            }
            try
            {
                await tables.Customers.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                entity = (await tables.Customers.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken)).Value;
            }
        }
    }

    private static string OrderRangeFilter(CustomerId customerId)
    {
        var prefix = TableKeys.OrderRow(customerId, OrderId.Parse("x"))[..^1];
        return TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.CustomerPartition(customerId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
    }

    private async Task<IReadOnlyList<PurchaseOutcome>> RecordAsync(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = Now();
        var unique = new List<Pending>(purchases.Count);
        var firstIndex = new Dictionary<OrderId, Pending>();
        var repeats = new List<(int Index, Pending First, Fingerprint Fingerprint)>();
        for (var i = 0; i < purchases.Count; i++)
        {
            var pending = new Pending(i, purchases[i], purchases[i].Fingerprint());
            if (firstIndex.TryGetValue(pending.Purchase.OrderId, out var first))
            {
                repeats.Add((i, first, pending.Fingerprint));
            }
            else
            {
                firstIndex.Add(pending.Purchase.OrderId, pending);
                unique.Add(pending);
            }
        }

        await ClaimAsync(unique, now, cancellationToken);
        await ForEachAsync(unique.Where(p => p.State == PendingState.AlreadyClaimed), p => ResolveExistingClaimAsync(p, now, cancellationToken), cancellationToken);
        await WriteOrdersAsync([.. unique.Where(p => p.State == PendingState.ReadyToWrite)], now, cancellationToken);

        var outcomes = new PurchaseOutcome[purchases.Count];
        foreach (var pending in unique)
        {
            outcomes[pending.Index] = pending.Outcome ?? new PurchaseOutcome.Unavailable(pending.Purchase.OrderId);
        }
        foreach (var (index, first, fingerprint) in repeats)
        {
            outcomes[index] = fingerprint != first.Fingerprint
                ? new PurchaseOutcome.Conflict(first.Purchase.OrderId)
                : outcomes[first.Index] switch
                {
                    PurchaseOutcome.Recorded r => new PurchaseOutcome.Replayed(r.Receipt),
                    var same => same,
                };
        }
        return outcomes;
    }

    public async IAsyncEnumerable<CustomerSummary> ReadAllCustomersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var channel = Channel.CreateBounded<CustomerSummary>(1000);
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, TableKeys.BucketCount),
                    new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                    async (bucket, ct) =>
                    {
                        await foreach (var entity in tables.Customers.QueryAsync<TableEntity>(TableKeys.SummaryRangeFilter(bucket), cancellationToken: ct))
                        {
                            await channel.Writer.WriteAsync(CustomerSummaryEntity.ToSummary(entity), ct);
                        }
                    });
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, cancellationToken);
        await foreach (var summary in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return summary;
        }
        await producer;
    }

    private async Task ClaimAsync(List<Pending> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var p in pending)
        {
            p.Claim = new OrderClaim(p.Purchase.OrderId, p.Purchase.CustomerId, p.Fingerprint, now);
        }
        var partitions = pending.GroupBy(p => TableKeys.ClaimPartition(p.Purchase.OrderId)).Select(g => g.ToList());
        await ForEachAsync(partitions, group => ClaimPartitionAsync(group, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Claims the order ids of one bucket: in transactions of up to 100 inserts while all are new (the common case);
    /// once one turns out to exist (a retried or re-imported batch), the rest one by one in parallel, so that a batch of
    /// replays costs one insert per item instead of one shrinking transaction per existing id.
    /// </summary>
    private async Task ClaimPartitionAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        var remaining = new List<Pending>(group);
        while (remaining.Count > 1)
        {
            var chunk = remaining.Take(MaxTransactionActions).ToList();
            try
            {
                await tables.Claims.SubmitTransactionAsync(
                    chunk.Select(p => new TableTransactionAction(TableTransactionActionType.Add, OrderClaimEntity.ToEntity(p.Claim!))), cancellationToken);
                chunk.ForEach(p => p.State = PendingState.ReadyToWrite);
                remaining.RemoveRange(0, chunk.Count);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                break;
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                LogStorageFailure(ex, "claim");
                remaining.RemoveRange(0, chunk.Count);
            }
        }
        await Task.WhenAll(remaining.Select(p => ClaimOneAsync(p, cancellationToken)));
    }

    private async Task ClaimOneAsync(Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Claims.AddEntityAsync(OrderClaimEntity.ToEntity(pending.Claim!), cancellationToken);
            pending.State = PendingState.ReadyToWrite;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            pending.State = PendingState.AlreadyClaimed;
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            LogStorageFailure(ex, "claim");
        }
    }

    private async Task ResolveExistingClaimAsync(Pending pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orderId = pending.Purchase.OrderId;
        try
        {
            // Most existing claims are replays (a retry, a re-import): the order row in this request's own customer
            // partition answers those with one read. Anything else goes through the claim.
            var own = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.CustomerPartition(pending.Purchase.CustomerId), TableKeys.OrderRow(pending.Purchase.CustomerId, orderId), cancellationToken: cancellationToken);
            if (own.HasValue && OrderEntity.StoredFingerprint(own.Value!) == pending.Fingerprint)
            {
                pending.Finish(new PurchaseOutcome.Replayed(PurchaseReceipt.For(OrderEntity.ToOrder(own.Value!))));
                return;
            }
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var claimRow = await tables.Claims.GetEntityIfExistsAsync<TableEntity>(
                    TableKeys.ClaimPartition(orderId), TableKeys.ClaimRow(orderId), cancellationToken: cancellationToken);
                if (!claimRow.HasValue)
                {
                    // Claims are never deleted today; if one is, claim again like a new order.
                    try
                    {
                        await tables.Claims.AddEntityAsync(OrderClaimEntity.ToEntity(pending.Claim!), cancellationToken);
                        pending.State = PendingState.ReadyToWrite;
                        return;
                    }
                    catch (RequestFailedException ex) when (ex.Status == 409)
                    {
                        continue;
                    }
                }
                var claim = OrderClaimEntity.ToClaim(claimRow.Value!);
                var orderRow = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
                    TableKeys.CustomerPartition(claim.CustomerId), TableKeys.OrderRow(claim.CustomerId, orderId), cancellationToken: cancellationToken);
                switch (claim.Decide(pending.Fingerprint, orderRow.HasValue, now))
                {
                    case ClaimDecision.Replay:
                        pending.Finish(new PurchaseOutcome.Replayed(PurchaseReceipt.For(OrderEntity.ToOrder(orderRow.Value!))));
                        return;
                    case ClaimDecision.Complete:
                        pending.State = PendingState.ReadyToWrite;
                        return;
                    case ClaimDecision.Conflict:
                        pending.Finish(new PurchaseOutcome.Conflict(orderId));
                        return;
                    case ClaimDecision.TakeOver:
                        try
                        {
                            await tables.Claims.UpdateEntityAsync(OrderClaimEntity.ToEntity(pending.Claim!), claimRow.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                            LogClaimTakenOver(orderId.Value);
                            pending.State = PendingState.ReadyToWrite;
                            return;
                        }
                        catch (RequestFailedException ex) when (ex.Status == 412)
                        {
                            continue;
                        }
                }
            }
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            LogStorageFailure(ex, "resolve claim");
        }
    }

    private async Task WriteOrdersAsync(List<Pending> ready, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partitions = ready.GroupBy(p => TableKeys.CustomerPartition(p.Purchase.CustomerId)).Select(g => g.ToList());
        await ForEachAsync(partitions, group => WritePartitionAsync(group, now, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Writes the orders of one partition: per round, read the summaries involved, then commit transactions that each
    /// hold whole customers (their new orders plus their summary). What a failed transaction held is retried next round
    /// with freshly read summaries; an order that turns out to exist already is answered as a replay.
    /// </summary>
    private async Task WritePartitionAsync(List<Pending> group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unresolved = new List<Pending>(group);
        var mustRead = new HashSet<CustomerId>();
        // Only rounds in which something failed count against the budget: a customer with more orders than one
        // transaction holds (99) needs several rounds that all succeed, and must not run out of attempts doing so.
        var failedRounds = 0;
        while (unresolved.Count > 0 && failedRounds < MaxFailedWriteRounds)
        {
            var packed = new List<Pending>();
            try
            {
                var byCustomer = unresolved.GroupBy(p => p.Purchase.CustomerId).ToList();
                var summaries = await Task.WhenAll(byCustomer.Select(g => KnownSummaryAsync(g.Key, mustRead.Contains(g.Key), cancellationToken)));
                var transactions = PackTransactions(byCustomer, summaries, now);
                packed.AddRange(transactions.SelectMany(t => t.Items.Select(i => i.Item)));
                await Task.WhenAll(transactions.Select(t => CommitAsync(t, mustRead, cancellationToken)));
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                LogStorageFailure(ex, "write orders");
            }
            unresolved.RemoveAll(p => p.Outcome is not null);
            // The first retry goes at once: it usually follows a wrong guess that a customer is new, not a collision.
            if (unresolved.Count > 0 && (packed.Count == 0 || packed.Exists(p => p.Outcome is null))
                && ++failedRounds is > 1 and < MaxFailedWriteRounds)
            {
                await Task.Delay(Backoff(failedRounds), clock, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Exponential backoff with full jitter (up to 80 ms after the second failure, 1 s at most), so that many writers of
    /// one hot summary spread out instead of colliding again round after round.
    /// </summary>
    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(5 + Random.Shared.Next(Math.Min(1_000, 20 << Math.Min(failures, 10))));

    /// <summary>
    /// The summary to build on: the cached one, or, for a customer not in the cache, an empty one to insert (new customers
    /// are the common case); after a failed guess (<paramref name="read"/>) the stored one.
    /// </summary>
    private async Task<(CustomerSummary Summary, ETag? ETag)> KnownSummaryAsync(CustomerId customerId, bool read, CancellationToken cancellationToken)
    {
        if (!read && cache.TryGet(customerId, out var cached))
        {
            return cached;
        }
        return read ? await ReadSummaryAsync(customerId, cancellationToken) : (CustomerSummary.Empty(customerId), null);
    }

    private async Task<(CustomerSummary Summary, ETag? ETag)> ReadSummaryAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var row = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CustomerPartition(customerId), TableKeys.SummaryRow(customerId), cancellationToken: cancellationToken);
        return row.HasValue ? (CustomerSummaryEntity.ToSummary(row.Value!), row.Value!.ETag) : (CustomerSummary.Empty(customerId), null);
    }

    private static List<PendingTransaction> PackTransactions(
        List<IGrouping<CustomerId, Pending>> byCustomer, (CustomerSummary Summary, ETag? ETag)[] summaries, DateTimeOffset now)
    {
        var transactions = new List<PendingTransaction>();
        var current = new PendingTransaction();
        for (var c = 0; c < byCustomer.Count; c++)
        {
            // One transaction can hold at most 99 orders of one customer plus the summary; the rest waits for the next round.
            var items = byCustomer[c].Take(MaxTransactionActions - 1).ToList();
            var (summary, etag) = summaries[c];
            var orders = items.Select(p => new Order { Purchase = p.Purchase, RecordedAt = now }).ToList();
            var updated = orders.Aggregate(summary, (s, o) => s.Apply(o));
            var actions = items.Zip(orders, (item, order) => new TableTransactionAction(TableTransactionActionType.Add, OrderEntity.ToEntity(order, item.Fingerprint))).ToList();
            if (current.Actions.Count + actions.Count + 1 > MaxTransactionActions)
            {
                transactions.Add(current);
                current = new PendingTransaction();
            }
            if (!ReferenceEquals(updated, summary))
            {
                var summaryEntity = CustomerSummaryEntity.ToEntity(updated);
                current.SummaryActionIndex[current.Actions.Count + orders.Count] = updated;
                actions.Add(etag is { } tag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, summaryEntity, tag)
                    : new TableTransactionAction(TableTransactionActionType.Add, summaryEntity));
            }
            for (var k = 0; k < orders.Count; k++)
            {
                current.OrderActionIndex[current.Actions.Count] = items[k];
                current.Actions.Add(actions[k]);
                current.Items.Add((items[k], orders[k]));
            }
            current.Actions.AddRange(actions.Skip(orders.Count));
        }
        if (current.Actions.Count > 0)
        {
            transactions.Add(current);
        }
        return transactions;
    }

    private async Task CommitAsync(PendingTransaction transaction, HashSet<CustomerId> mustRead, CancellationToken cancellationToken)
    {
        try
        {
            var responses = transaction.Actions.Count == 1
                ? [await SubmitSingleAsync(transaction.Actions[0], cancellationToken)]
                : (await tables.Customers.SubmitTransactionAsync(transaction.Actions, cancellationToken)).Value;
            foreach (var (item, order) in transaction.Items)
            {
                item.Finish(new PurchaseOutcome.Recorded(PurchaseReceipt.For(order)));
            }
            foreach (var (index, summary) in transaction.SummaryActionIndex)
            {
                if (index < responses.Count && responses[index].Headers.ETag is { } etag)
                {
                    cache.Set(summary, etag);
                }
                else
                {
                    cache.Forget(summary.CustomerId);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && FailedOrder(transaction, ex) is { } existing)
        {
            await AnswerExistingOrderAsync(existing, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex is TableTransactionFailedException { FailedTransactionActionIndex: null })
        {
            // The service did not say which action failed: find the orders that exist already.
            foreach (var (item, _) in transaction.Items)
            {
                var purchase = item.Purchase;
                var row = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
                    TableKeys.CustomerPartition(purchase.CustomerId), TableKeys.OrderRow(purchase.CustomerId, purchase.OrderId), cancellationToken: cancellationToken);
                if (row.HasValue)
                {
                    item.Finish(AnswerFromStoredOrder(item, row.Value!));
                }
            }
            RereadSummaries(transaction, mustRead);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            LogSummaryRace(ex.Status);
            RereadSummaries(transaction, mustRead);
        }
    }

    /// <summary>
    /// A summary changed, or exists although we guessed new (a cold cache): the next round reads every summary of the
    /// failed transaction, so one wrong guess costs one extra round, not one round per customer.
    /// </summary>
    private void RereadSummaries(PendingTransaction transaction, HashSet<CustomerId> mustRead)
    {
        foreach (var summary in transaction.SummaryActionIndex.Values)
        {
            cache.Forget(summary.CustomerId);
            lock (mustRead)
            {
                mustRead.Add(summary.CustomerId);
            }
        }
    }

    private static Pending? FailedOrder(PendingTransaction transaction, RequestFailedException ex)
    {
        var index = ex is TableTransactionFailedException failed ? failed.FailedTransactionActionIndex
            : transaction.Actions.Count == 1 ? 0
            : null;
        return index is { } i && transaction.OrderActionIndex.TryGetValue(i, out var pending) ? pending : null;
    }

    private async Task<Response> SubmitSingleAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        var entity = (TableEntity)action.Entity;
        return action.ActionType == TableTransactionActionType.Add
            ? await tables.Customers.AddEntityAsync(entity, cancellationToken)
            : await tables.Customers.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The order row exists: an earlier attempt of this same request got through. Answer as a replay.</summary>
    private async Task AnswerExistingOrderAsync(Pending pending, CancellationToken cancellationToken)
    {
        var purchase = pending.Purchase;
        var row = await tables.Customers.GetEntityAsync<TableEntity>(
            TableKeys.CustomerPartition(purchase.CustomerId), TableKeys.OrderRow(purchase.CustomerId, purchase.OrderId), cancellationToken: cancellationToken);
        pending.Finish(AnswerFromStoredOrder(pending, row.Value));
    }

    private static PurchaseOutcome AnswerFromStoredOrder(Pending pending, TableEntity orderRow) =>
        OrderEntity.StoredFingerprint(orderRow) == pending.Fingerprint
            ? new PurchaseOutcome.Replayed(PurchaseReceipt.For(OrderEntity.ToOrder(orderRow)))
            : new PurchaseOutcome.Conflict(pending.Purchase.OrderId);

    /// <summary>
    /// Reads an order and its summary, asks the domain what to do, and writes both with ETag checks in one transaction,
    /// retrying from a fresh read when either changed meanwhile. Answers <paramref name="notFound"/> when the order does not exist.
    /// </summary>
    private async Task<TOutcome> ChangeOrderAsync<TOutcome>(
        OrderId orderId, Func<Order, DateTimeOffset, (Order? Changed, TOutcome Outcome)> decide, Func<TOutcome> notFound, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await LocateOrderAsync(orderId, cancellationToken) is not { } located)
            {
                return notFound();
            }
            var order = OrderEntity.ToOrder(located.Entity);
            var (changed, outcome) = decide(order, Now());
            if (changed is null)
            {
                return outcome;
            }
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, OrderEntity.ToEntity(changed, OrderEntity.StoredFingerprint(located.Entity)), located.Entity.ETag),
            };
            if (!changed.Purchase.IsTest)
            {
                var (summary, etag) = await ReadSummaryAsync(changed.Purchase.CustomerId, cancellationToken);
                var summaryEntity = CustomerSummaryEntity.ToEntity(summary.Apply(changed));
                actions.Add(etag is { } tag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, summaryEntity, tag)
                    : new TableTransactionAction(TableTransactionActionType.Add, summaryEntity));
            }
            try
            {
                await tables.Customers.SubmitTransactionAsync(actions, cancellationToken);
                cache.Forget(changed.Purchase.CustomerId);
                return outcome;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                LogSummaryRace(ex.Status);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * (attempt + 1)), clock, cancellationToken);
            }
        }
        throw new StorageUnavailableException($"The order changed {MaxAttempts} times while we tried to update it; try again.");
    }

    private async Task<(TableEntity Entity, CustomerId CustomerId)?> LocateOrderAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        var claimRow = await tables.Claims.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.ClaimPartition(orderId), TableKeys.ClaimRow(orderId), cancellationToken: cancellationToken);
        if (!claimRow.HasValue)
        {
            return null;
        }
        var customerId = OrderClaimEntity.ToClaim(claimRow.Value!).CustomerId;
        var orderRow = await tables.Customers.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CustomerPartition(customerId), TableKeys.OrderRow(customerId, orderId), cancellationToken: cancellationToken);
        return orderRow.HasValue ? (orderRow.Value!, customerId) : null;
    }

    /// <summary>The clock to whole milliseconds, so that a time we answer with equals the time we read back later.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Turns storage and network failures into <see cref="StorageUnavailableException"/>, which callers answer with 503.</summary>
    private static async Task<T> GuardAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            throw new StorageUnavailableException("Table Storage could not be reached; nothing was written.", ex);
        }
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelPartitions, CancellationToken = cancellationToken },
            async (item, _) => await body(item));

    /// <summary>Storage or network failures that a later retry may get past; cancellation by the caller is not one.</summary>
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && ex is RequestFailedException or HttpRequestException or IOException or TaskCanceledException or AggregateException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage failed during {Step}; the affected purchases are answered as unavailable")]
    private partial void LogStorageFailure(Exception exception, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order claim {OrderId} was abandoned by an earlier request and is taken over")]
    private partial void LogClaimTakenOver(string orderId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Summary changed concurrently (status {Status}); retrying from a fresh read")]
    private partial void LogSummaryRace(int status);

    private enum PendingState
    {
        New,
        AlreadyClaimed,
        ReadyToWrite,
        Done,
    }

    private sealed class Pending(int index, Purchase purchase, Fingerprint fingerprint)
    {
        public int Index { get; } = index;
        public Purchase Purchase { get; } = purchase;
        public Fingerprint Fingerprint { get; } = fingerprint;
        public OrderClaim? Claim { get; set; }
        public PendingState State { get; set; }
        public PurchaseOutcome? Outcome { get; private set; }

        public void Finish(PurchaseOutcome outcome)
        {
            Outcome = outcome;
            State = PendingState.Done;
        }
    }

    private sealed class PendingTransaction
    {
        public List<TableTransactionAction> Actions { get; } = [];
        public Dictionary<int, Pending> OrderActionIndex { get; } = [];
        public Dictionary<int, CustomerSummary> SummaryActionIndex { get; } = [];
        public List<(Pending Item, Order Order)> Items { get; } = [];
    }
}
