using Azure.Messaging.ServiceBus;
using static Retention.Broker.Tests.BrokerTestKit;

namespace Retention.Broker.Tests;

/// <summary>The dead-letter sub-queue, addressed by the client as "{queue}/$deadletterqueue".</summary>
public sealed class DeadLetterQueueTests
{
    [Fact(Timeout = 20_000)]
    public async Task ReceiveFromDeadLetterQueue_PeekLock_KeepsOriginalAndReasonAndCompleteRemovesIt()
    {
        const string queue = "dlq-peek-lock";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var deadLetters = DeadLetterReceiver(client, queue, ServiceBusReceiveMode.PeekLock);
        var sent = new ServiceBusMessage("poison") { MessageId = "bad-1", Subject = "order", ContentType = "application/json" };
        sent.ApplicationProperties["tenant"] = "t-1";
        sent.ApplicationProperties["attempt"] = 3;
        await sender.SendMessageAsync(sent);

        var original = await ReceiveOneAsync(receiver);
        await receiver.DeadLetterMessageAsync(original, "InvalidPayload", "field 'total' is missing");
        Assert.Single(broker.GetQueue(queue).DeadLettered);

        var dead = await ReceiveOneAsync(deadLetters);

        Assert.Equal("poison", dead.Body.ToString());
        Assert.Equal("bad-1", dead.MessageId);
        Assert.Equal("order", dead.Subject);
        Assert.Equal("application/json", dead.ContentType);
        Assert.Equal("t-1", dead.ApplicationProperties["tenant"]);
        Assert.Equal(3, dead.ApplicationProperties["attempt"]);
        Assert.Equal("InvalidPayload", dead.DeadLetterReason);
        Assert.Equal("field 'total' is missing", dead.DeadLetterErrorDescription);
        Assert.Equal("InvalidPayload", dead.ApplicationProperties["DeadLetterReason"]);
        Assert.Null(dead.DeadLetterSource); // Service Bus sets it only when the sub-queue auto-forwards.
        Assert.Equal(original.SequenceNumber, dead.SequenceNumber);
        Assert.Equal(original.EnqueuedTime, dead.EnqueuedTime);
        // Service Bus counts abandons and lock expiries, not deliveries: dead-lettering on the first delivery leaves 0.
        Assert.Equal(1, dead.DeliveryCount);
        Assert.NotEqual(original.LockToken, dead.LockToken);
        var locked = broker.GetQueue(queue);
        Assert.Equal(1, locked.DeadLetterLockedCount);
        Assert.Single(locked.DeadLettered);

        await deadLetters.CompleteMessageAsync(dead);

        var state = broker.GetQueue(queue);
        Assert.Empty(state.DeadLettered);
        Assert.Equal(0, state.DeadLetterLockedCount);
        Assert.Equal(1, state.DeadLetterCompletedCount);
        Assert.Equal(0, state.CompletedCount);
        Assert.Equal(0, state.ActiveCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task AbandonInDeadLetterQueue_PastMaxDeliveryCount_StaysInDeadLetterQueue()
    {
        const string queue = "dlq-abandon";
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], MaxDeliveryCount = 1 });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var deadLetters = DeadLetterReceiver(client, queue, ServiceBusReceiveMode.PeekLock);
        await sender.SendMessageAsync(new ServiceBusMessage("x") { MessageId = "a-1" });

        await receiver.AbandonMessageAsync(await ReceiveOneAsync(receiver));
        var first = await ReceiveOneAsync(deadLetters);
        Assert.Equal("MaxDeliveryCountExceeded", first.DeadLetterReason);
        await deadLetters.AbandonMessageAsync(first);

        // The abandon put it back in the sub-queue without raising its count (and without dead-lettering it again).
        var state = broker.GetQueue(queue);
        var dead = Assert.Single(state.DeadLettered);
        Assert.Equal(0, state.DeadLetterLockedCount);
        Assert.Equal(1, dead.DeliveryCount);

        var second = await ReceiveOneAsync(deadLetters);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(2, first.DeliveryCount);
        Assert.Equal(2, second.DeliveryCount);
        await deadLetters.CompleteMessageAsync(second);
        Assert.Empty(broker.GetQueue(queue).DeadLettered);
    }

    [Fact(Timeout = 20_000)]
    public async Task DeadLetterMessage_AlreadyInDeadLetterQueue_RefusedAndMessageStays()
    {
        const string queue = "dlq-dead-letter-again";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var deadLetters = DeadLetterReceiver(client, queue, ServiceBusReceiveMode.PeekLock);
        await sender.SendMessageAsync(new ServiceBusMessage("x") { MessageId = "twice" });
        await receiver.DeadLetterMessageAsync(await ReceiveOneAsync(receiver), "First", "first time");
        var dead = await ReceiveOneAsync(deadLetters);

        // Service Bus refuses this too (the JavaScript SDK's live tests expect InvalidOperationError).
        await Assert.ThrowsAsync<InvalidOperationException>(() => deadLetters.DeadLetterMessageAsync(dead, "Second", "second time"));

        var state = broker.GetQueue(queue);
        var kept = Assert.Single(state.DeadLettered);
        Assert.Equal("First", kept.Reason);
        Assert.Equal(0, state.DeadLetterLockedCount);
        var again = await ReceiveOneAsync(deadLetters);
        Assert.Equal("First", again.DeadLetterReason);
        Assert.Equal(dead.DeliveryCount, again.DeliveryCount);
        await deadLetters.CompleteMessageAsync(again);
        Assert.Empty(broker.GetQueue(queue).DeadLettered);
    }

    [Fact(Timeout = 20_000)]
    public async Task ReceiveFromDeadLetterQueue_ReceiveAndDelete_RemovedOnDelivery()
    {
        const string queue = "dlq-receive-delete";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        // The sub-queue's path as the entity name works like SubQueue.DeadLetter (the client sends the same address).
        await using var deadLetters = client.CreateReceiver(
            $"{queue}/$DeadLetterQueue", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        await sender.SendMessageAsync(new ServiceBusMessage("once") { MessageId = "rd-1" });
        await receiver.DeadLetterMessageAsync(await ReceiveOneAsync(receiver), "Unparseable", "not JSON");

        var dead = await ReceiveOneAsync(deadLetters);

        Assert.Equal("once", dead.Body.ToString());
        Assert.Equal("Unparseable", dead.DeadLetterReason);
        Assert.Equal("not JSON", dead.DeadLetterErrorDescription);
        var state = broker.GetQueue(queue);
        Assert.Empty(state.DeadLettered);
        Assert.Equal(1, state.DeadLetterCompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task ReceiveFromDeadLetterQueue_WaitingReceiver_GetsMessageWhenDeadLettered()
    {
        const string queue = "dlq-waiting";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var deadLetters = DeadLetterReceiver(client, queue, ServiceBusReceiveMode.PeekLock);
        await sender.SendMessageAsync(new ServiceBusMessage("late"));
        var received = await ReceiveOneAsync(receiver);

        var waiting = ReceiveOneAsync(deadLetters, TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        await receiver.DeadLetterMessageAsync(received, "Late", null);
        var dead = await waiting;

        Assert.Equal(received.SequenceNumber, dead.SequenceNumber);
        Assert.Equal("Late", dead.DeadLetterReason);
        Assert.Null(dead.DeadLetterErrorDescription);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Empty(broker.GetQueue(queue).DeadLettered);
    }

    [Fact(Timeout = 20_000)]
    public async Task RenewMessageLock_InDeadLetterQueue_ExtendsLock()
    {
        const string queue = "dlq-renew";
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], LockDuration = TimeSpan.FromMilliseconds(1500) });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await using var deadLetters = DeadLetterReceiver(client, queue, ServiceBusReceiveMode.PeekLock);
        await sender.SendMessageAsync(new ServiceBusMessage("slow"));
        await receiver.DeadLetterMessageAsync(await ReceiveOneAsync(receiver), "Slow", "needs a human");

        var dead = await ReceiveOneAsync(deadLetters);
        var firstLockedUntil = dead.LockedUntil;

        // The first renew also opens {queue}/$DeadLetterQueue/$management; the later ones outlive the first lock.
        await deadLetters.RenewMessageLockAsync(dead);
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(900);
            await deadLetters.RenewMessageLockAsync(dead);
        }

        Assert.True(dead.LockedUntil > firstLockedUntil.AddMilliseconds(1500));
        Assert.Equal(1, broker.GetQueue(queue).DeadLetterLockedCount);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Equal(1, broker.GetQueue(queue).DeadLetterCompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendOrScheduleToDeadLetterQueue_RefusedAsNotAllowed()
    {
        const string queue = "dlq-send";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender($"{queue}/$deadletterqueue");

        // The client turns amqp:not-allowed (on the attach, and on the $management response) into InvalidOperationException.
        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.ScheduleMessageAsync(new ServiceBusMessage("x"), DateTimeOffset.UtcNow.AddHours(1)));

        var state = broker.GetQueue(queue);
        Assert.Empty(state.DeadLettered);
        Assert.Equal(0, state.ActiveCount);
        Assert.Equal(0, state.ScheduledCount);
    }

    private static ServiceBusReceiver DeadLetterReceiver(ServiceBusClient client, string queue, ServiceBusReceiveMode mode) =>
        client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = mode });
}
