using Azure.Messaging.ServiceBus;
using static Retention.Broker.Tests.BrokerTestKit;

namespace Retention.Broker.Tests;

/// <summary><c>com.microsoft:peek-message</c> on $management: browse without locking.</summary>
public sealed class PeekTests
{
    [Fact(Timeout = 20_000)]
    public async Task PeekMessages_ActiveLockedAndScheduled_ReturnedInOrderWithoutLocking()
    {
        const string queue = "peek";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var browser = PeekLockReceiver(client, queue);
        for (var i = 1; i <= 3; i++)
        {
            var message = new ServiceBusMessage($"body-{i}") { MessageId = $"m-{i}" };
            message.ApplicationProperties["n"] = i;
            await sender.SendMessageAsync(message);
        }

        var due = DateTimeOffset.UtcNow.AddHours(1);
        var scheduledSequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("later") { MessageId = "m-later" }, due);
        var locked = await ReceiveOneAsync(receiver); // m-1, now locked by another receiver
        Assert.Equal(1, broker.GetQueue(queue).LockedCount);
        await receiver.AbandonMessageAsync(await ReceiveOneAsync(receiver)); // m-2 abandoned once: count 1

        var firstPage = await PeekAsync(browser, 2);

        Assert.Equal(["m-1", "m-2"], firstPage.Select(m => m.MessageId));
        Assert.Equal([1L, 2L], firstPage.Select(m => m.SequenceNumber));
        Assert.Equal(["body-1", "body-2"], firstPage.Select(m => m.Body.ToString()));
        Assert.Equal(2, firstPage[1].ApplicationProperties["n"]);
        // A peek shows Service Bus's count as it is: abandons and lock expiries, so 0 for m-1 though it is locked.
        Assert.Equal(0, firstPage[0].DeliveryCount);
        Assert.Equal(1, firstPage[1].DeliveryCount);
        Assert.All(firstPage, m => Assert.Equal(ServiceBusMessageState.Active, m.State));
        Assert.All(firstPage, m => Assert.InRange(m.EnqueuedTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow));
        Assert.Equal(locked.EnqueuedTime, firstPage[0].EnqueuedTime);

        // The client remembers the last peeked sequence number and continues after it.
        var secondPage = await PeekAsync(browser, 10);

        Assert.Equal(["m-3", "m-later"], secondPage.Select(m => m.MessageId));
        Assert.Equal(ServiceBusMessageState.Active, secondPage[0].State);
        var scheduled = secondPage[1];
        Assert.Equal(scheduledSequenceNumber, scheduled.SequenceNumber);
        Assert.Equal(ServiceBusMessageState.Scheduled, scheduled.State);
        Assert.Equal(due.ToUnixTimeMilliseconds(), scheduled.ScheduledEnqueueTime.ToUnixTimeMilliseconds());

        Assert.Empty(await PeekAsync(browser, 10)); // nothing after the last one: 204 No Content

        var state = broker.GetQueue(queue);
        Assert.Equal(3, state.ActiveCount);
        Assert.Equal(1, state.LockedCount); // peeking locked nothing
        Assert.Equal(1, state.ScheduledCount);

        // Peeked messages can still be received: m-2 comes next, on its second delivery.
        var next = await ReceiveOneAsync(receiver);
        Assert.Equal("m-2", next.MessageId);
        Assert.Equal(2, next.DeliveryCount);
        await receiver.CompleteMessageAsync(locked);
        await receiver.CompleteMessageAsync(next);
        Assert.Equal(2, broker.GetQueue(queue).CompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task PeekMessages_FromSequenceNumber_StartsThere()
    {
        const string queue = "peek-from";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var browser = PeekLockReceiver(client, queue);
        for (var i = 1; i <= 4; i++)
        {
            await sender.SendMessageAsync(new ServiceBusMessage($"body-{i}"));
        }

        using var timeout = new CancellationTokenSource(Bound);
        var fromThree = await browser.PeekMessagesAsync(10, fromSequenceNumber: 3, timeout.Token);
        var single = await browser.PeekMessageAsync(fromSequenceNumber: 2, timeout.Token);

        Assert.Equal([3L, 4L], fromThree.Select(m => m.SequenceNumber));
        Assert.NotNull(single);
        Assert.Equal(2, single.SequenceNumber);
        Assert.Equal(4, broker.GetQueue(queue).ActiveCount);
        Assert.Equal(0, broker.GetQueue(queue).LockedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task PeekMessages_EmptyQueue_ReturnsNothing()
    {
        const string queue = "peek-empty";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var browser = PeekLockReceiver(client, queue);

        Assert.Empty(await PeekAsync(browser, 5));
        using var timeout = new CancellationTokenSource(Bound);
        Assert.Null(await browser.PeekMessageAsync(cancellationToken: timeout.Token));
    }

    [Fact(Timeout = 20_000)]
    public async Task PeekMessages_DeadLetterQueue_CarryReasonAndDoNotLock()
    {
        const string queue = "peek-dlq";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var deadLetters = client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        await sender.SendMessageAsync(new ServiceBusMessage("a") { MessageId = "dl-1" });
        await sender.SendMessageAsync(new ServiceBusMessage("b") { MessageId = "dl-2" });
        await sender.SendMessageAsync(new ServiceBusMessage("c") { MessageId = "ok-3" });
        var first = await ReceiveOneAsync(receiver);
        var second = await ReceiveOneAsync(receiver);
        await receiver.DeadLetterMessageAsync(first, "UnknownType", "type 'x' is not known");
        await receiver.DeadLetterMessageAsync(second, "BadSchema", "schemaVersion 9");

        var peeked = await PeekAsync(deadLetters, 10);

        Assert.Equal(["dl-1", "dl-2"], peeked.Select(m => m.MessageId));
        Assert.Equal([first.SequenceNumber, second.SequenceNumber], peeked.Select(m => m.SequenceNumber));
        Assert.Equal(["UnknownType", "BadSchema"], peeked.Select(m => m.DeadLetterReason));
        Assert.Equal(["type 'x' is not known", "schemaVersion 9"], peeked.Select(m => m.DeadLetterErrorDescription));
        Assert.Equal(first.EnqueuedTime, peeked[0].EnqueuedTime);
        Assert.Equal(0, peeked[0].DeliveryCount);
        Assert.Empty(await PeekAsync(deadLetters, 10));

        var state = broker.GetQueue(queue);
        Assert.Equal(2, state.DeadLettered.Count);
        Assert.Equal(0, state.DeadLetterLockedCount);
        Assert.Equal(1, state.ActiveCount); // ok-3 was never in the sub-queue

        // Still receivable after the peek.
        var dead = await ReceiveOneAsync(deadLetters);
        Assert.Equal("dl-1", dead.MessageId);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Equal("dl-2", Assert.Single(broker.GetQueue(queue).DeadLettered).MessageId);
    }

    private static async Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekAsync(ServiceBusReceiver receiver, int maxMessages)
    {
        using var timeout = new CancellationTokenSource(Bound);
        return await receiver.PeekMessagesAsync(maxMessages, cancellationToken: timeout.Token);
    }
}
