using Azure.Messaging.ServiceBus;
using static Retention.Broker.Tests.BrokerTestKit;

namespace Retention.Broker.Tests;

public sealed class TestBrokerTests
{
    [Fact(Timeout = 20_000)]
    public async Task SendAndComplete_SingleMessage_BrokerCountsItCompleted()
    {
        const string queue = "send-complete";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);

        await sender.SendMessageAsync(new ServiceBusMessage("hello") { MessageId = "m-1", Subject = "greeting" });
        Assert.Equal(1, broker.GetQueue(queue).ActiveCount);

        var received = await ReceiveOneAsync(receiver);
        Assert.Equal("hello", received.Body.ToString());
        Assert.Equal("m-1", received.MessageId);
        Assert.Equal("greeting", received.Subject);
        Assert.Equal(1, received.DeliveryCount);
        Assert.Equal(1, received.SequenceNumber);
        Assert.NotEqual(default, received.LockToken);
        Assert.True(received.LockedUntil > DateTimeOffset.UtcNow);
        Assert.Equal(1, broker.GetQueue(queue).LockedCount);

        await receiver.CompleteMessageAsync(received);

        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ActiveCount);
        Assert.Equal(1, state.CompletedCount);
        Assert.Empty(state.DeadLettered);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendMessages_Batch_EachMessageEnqueuedInOrder()
    {
        const string queue = "batch";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);

        using var batch = await sender.CreateMessageBatchAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"body-{i}") { MessageId = $"m-{i}" }));
        }

        await sender.SendMessagesAsync(batch);
        Assert.Equal(5, broker.GetQueue(queue).ActiveCount);

        var bodies = new List<string>();
        while (bodies.Count < 5)
        {
            using var timeout = new CancellationTokenSource(Bound);
            foreach (var message in await receiver.ReceiveMessagesAsync(5, TimeSpan.FromSeconds(2), timeout.Token))
            {
                bodies.Add(message.Body.ToString());
                await receiver.CompleteMessageAsync(message);
            }
        }

        Assert.Equal(["body-0", "body-1", "body-2", "body-3", "body-4"], bodies);
        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ActiveCount);
        Assert.Equal(5, state.CompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task AbandonMessage_Redelivered_DeliveryCountIncremented()
    {
        const string queue = "abandon";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await sender.SendMessageAsync(new ServiceBusMessage("x"));

        var first = await ReceiveOneAsync(receiver);
        await receiver.AbandonMessageAsync(first);
        Assert.Equal(0, broker.GetQueue(queue).LockedCount);
        var second = await ReceiveOneAsync(receiver);

        Assert.Equal(1, first.DeliveryCount);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.NotEqual(first.LockToken, second.LockToken);
        await receiver.CompleteMessageAsync(second);
        Assert.Equal(1, broker.GetQueue(queue).CompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task DeadLetterMessage_WithReason_BrokerKeepsReasonAndDescription()
    {
        const string queue = "dead-letter";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await sender.SendMessageAsync(new ServiceBusMessage("poison") { MessageId = "bad-1" });

        var received = await ReceiveOneAsync(receiver);
        await receiver.DeadLetterMessageAsync(received, "InvalidPayload", "field 'total' is missing");

        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ActiveCount);
        Assert.Equal(0, state.CompletedCount);
        var dead = Assert.Single(state.DeadLettered);
        Assert.Equal("bad-1", dead.MessageId);
        Assert.Equal("InvalidPayload", dead.Reason);
        Assert.Equal("field 'total' is missing", dead.ErrorDescription);
    }

    [Fact(Timeout = 20_000)]
    public async Task CompleteMessage_AfterLockExpired_LockLostAndMessageRedelivered()
    {
        const string queue = "lock-expiry";
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], LockDuration = TimeSpan.FromMilliseconds(500) });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await sender.SendMessageAsync(new ServiceBusMessage("slow"));

        var first = await ReceiveOneAsync(receiver);
        var second = await ReceiveOneAsync(receiver, TimeSpan.FromSeconds(5));

        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(2, second.DeliveryCount);
        var lockLost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lockLost.Reason);
        await receiver.CompleteMessageAsync(second);
        Assert.Equal(1, broker.GetQueue(queue).CompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task RenewMessageLock_BeforeExpiry_ExtendsLockSoLateCompleteSucceeds()
    {
        const string queue = "renew-lock";
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], LockDuration = TimeSpan.FromMilliseconds(800) });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await sender.SendMessageAsync(new ServiceBusMessage("long job"));

        var received = await ReceiveOneAsync(receiver);
        var firstLockedUntil = received.LockedUntil;
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(400);
            await receiver.RenewMessageLockAsync(received);
        }

        Assert.True(received.LockedUntil > firstLockedUntil);
        Assert.Equal(1, broker.GetQueue(queue).LockedCount);
        await receiver.CompleteMessageAsync(received);
        Assert.Equal(1, broker.GetQueue(queue).CompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task ScheduleMessage_InTheFuture_HiddenUntilItsTime()
    {
        const string queue = "scheduled";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);

        var due = DateTimeOffset.UtcNow.AddSeconds(1);
        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("later"), due);
        var state = broker.GetQueue(queue);
        Assert.Equal(1, state.ScheduledCount);
        Assert.Equal(0, state.ActiveCount);

        var received = await ReceiveOneAsync(receiver, TimeSpan.FromSeconds(5));
        Assert.Equal("later", received.Body.ToString());
        Assert.True(DateTimeOffset.UtcNow >= due.AddMilliseconds(-50));

        // As on Service Bus, the scheduled sequence number is only valid while scheduled: activation assigns a new one.
        Assert.True(received.SequenceNumber > sequenceNumber);
        await receiver.CompleteMessageAsync(received);
        Assert.Equal(0, broker.GetQueue(queue).ScheduledCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task ScheduleMessage_BrokerClockReachesItsTime_AppearsThenAndNotBefore()
    {
        const string queue = "scheduled-clock";
        // AMQP timestamps carry milliseconds: start on a whole millisecond so times compare exactly.
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], TimeProvider = clock });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        var due = clock.GetUtcNow().AddHours(2);
        var early = due.AddHours(-1);
        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("at two") { MessageId = "s-2h" }, due);
        await sender.ScheduleMessageAsync(new ServiceBusMessage("at one") { MessageId = "s-1h" }, early);
        await sender.SendMessageAsync(new ServiceBusMessage("now") { MessageId = "n-0" });
        await receiver.CompleteMessageAsync(await ReceiveOneAsync(receiver));

        clock.Advance(TimeSpan.FromMinutes(59));
        using (var timeout = new CancellationTokenSource(Bound))
        {
            Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300), timeout.Token));
        }

        Assert.Equal(2, broker.GetQueue(queue).ScheduledCount);

        // The later send is due first and comes out first.
        clock.Advance(TimeSpan.FromMinutes(1));
        var first = await ReceiveOneAsync(receiver);
        Assert.Equal("s-1h", first.MessageId);
        Assert.Equal(early, first.EnqueuedTime);
        Assert.Equal(1, broker.GetQueue(queue).ScheduledCount);
        await receiver.CompleteMessageAsync(first); // before the clock jumps past its 30-second lock

        clock.Advance(TimeSpan.FromHours(1));
        var second = await ReceiveOneAsync(receiver);
        Assert.Equal("s-2h", second.MessageId);
        Assert.Equal(due, second.EnqueuedTime);
        Assert.Equal(due, second.ScheduledEnqueueTime);
        Assert.NotEqual(sequenceNumber, second.SequenceNumber);
        Assert.True(second.SequenceNumber > first.SequenceNumber);

        await receiver.CompleteMessageAsync(second);
        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ScheduledCount);
        Assert.Equal(0, state.ActiveCount);
        Assert.Equal(3, state.CompletedCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task CancelScheduledMessage_BeforeItsTime_NeverDelivered()
    {
        const string queue = "scheduled-cancel";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);

        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("never"), DateTimeOffset.UtcNow.AddMinutes(5));
        await sender.CancelScheduledMessageAsync(sequenceNumber);

        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ScheduledCount);
        Assert.Equal(0, state.ActiveCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendMessage_SameMessageIdWithinWindow_DroppedAsDuplicate()
    {
        const string queue = "duplicates";
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], DuplicateDetectionWindow = TimeSpan.FromMinutes(10) });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);

        await sender.SendMessageAsync(new ServiceBusMessage("a") { MessageId = "order-42" });
        await sender.SendMessageAsync(new ServiceBusMessage("a again") { MessageId = "order-42" });
        await sender.SendMessageAsync(new ServiceBusMessage("b") { MessageId = "order-43" });

        var state = broker.GetQueue(queue);
        Assert.Equal(2, state.ActiveCount);
        Assert.Equal(1, state.DuplicatesDropped);
    }

    [Fact(Timeout = 20_000)]
    public async Task SendMessage_SameMessageIdAfterWindow_AcceptedAgain()
    {
        const string queue = "duplicates-window";
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], TimeProvider = clock, DuplicateDetectionWindow = TimeSpan.FromMinutes(10) });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);

        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = "win-back:c-1" });
        clock.Advance(TimeSpan.FromMinutes(9));
        await sender.SendMessageAsync(new ServiceBusMessage("inside the window") { MessageId = "win-back:c-1" });
        Assert.Equal(1, broker.GetQueue(queue).DuplicatesDropped);

        clock.Advance(TimeSpan.FromMinutes(1));
        await sender.SendMessageAsync(new ServiceBusMessage("after the window") { MessageId = "win-back:c-1" });

        var state = broker.GetQueue(queue);
        Assert.Equal(2, state.ActiveCount);
        Assert.Equal(1, state.DuplicatesDropped);
    }

    [Fact(Timeout = 20_000)]
    public async Task CreateSender_UnknownQueue_SendFailsWithEntityNotFound()
    {
        await using var broker = await TestBroker.StartAsync(0, "known");
        await using var client = Client(broker);
        await using var sender = client.CreateSender("unknown");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact(Timeout = 20_000)]
    public async Task AbandonMessage_MaxDeliveryCountReached_DeadLetteredByBroker()
    {
        const string queue = "max-delivery";
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [queue], MaxDeliveryCount = 2 });
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = PeekLockReceiver(client, queue);
        await sender.SendMessageAsync(new ServiceBusMessage("poison") { MessageId = "p-1" });

        await receiver.AbandonMessageAsync(await ReceiveOneAsync(receiver));
        await receiver.AbandonMessageAsync(await ReceiveOneAsync(receiver));

        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ActiveCount);
        var dead = Assert.Single(state.DeadLettered);
        Assert.Equal("MaxDeliveryCountExceeded", dead.Reason);
        Assert.Equal(2, dead.DeliveryCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task ReceiveMessage_ReceiveAndDeleteMode_CompletedOnDelivery()
    {
        const string queue = "receive-delete";
        await using var broker = await TestBroker.StartAsync(0, queue);
        await using var client = Client(broker);
        await using var sender = client.CreateSender(queue);
        await using var receiver = client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        await sender.SendMessageAsync(new ServiceBusMessage("once"));

        var received = await ReceiveOneAsync(receiver);

        Assert.Equal("once", received.Body.ToString());
        var state = broker.GetQueue(queue);
        Assert.Equal(0, state.ActiveCount);
        Assert.Equal(1, state.CompletedCount);
    }
}
