using Azure.Messaging.ServiceBus;
using Retention.Broker;

namespace Retention.Cli.Tests;

/// <summary>`retention messages` as a process, against the real AMQP test broker.</summary>
public sealed class MessagesCommandTests
{
    private const string Queue = "retention-messages";

    [Fact]
    public async Task MessagesHelp_ListsTheSubcommands()
    {
        var (exitCode, output) = await UpCommandTests.RunAsync(["messages", "--help"], TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        foreach (var word in new[] { "enqueue", "dispatch", "dead-letter", "retention-messages", "docs/messages.md" })
        {
            Assert.Contains(word, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Enqueue_ThankYouWithoutCoupon_FailsNamingTheOption()
    {
        await using var broker = await TestBroker.StartAsync(0, Queue);

        var (exitCode, output) = await UpCommandTests.RunAsync(["messages", "enqueue", "--type", "thank-you", "--customer", "C-1"], TimeSpan.FromSeconds(60), Env(broker));

        Assert.Equal(1, exitCode);
        Assert.Contains("--coupon is required for thank-you", output, StringComparison.Ordinal);
        Assert.Equal(0, broker.GetQueue(Queue).ActiveCount);
    }

    [Fact]
    public async Task Enqueue_ValidMessage_LandsOnTheQueueWithItsIdOnce()
    {
        await using var broker = await TestBroker.StartAsync(new TestBrokerOptions { Queues = [Queue], DuplicateDetectionWindow = TimeSpan.FromMinutes(10) });
        string[] arguments = ["messages", "enqueue", "--type", "milestone-reward", "--customer", "C-1", "--coupon", "FIVE-1", "--amount-off", "100",
            "--minimum-spend", "1000", "--currency", "INR", "--order-count", "5", "--message-id", "milestone-reward:C-1:5"];

        var first = await UpCommandTests.RunAsync(arguments, TimeSpan.FromSeconds(60), Env(broker));
        var second = await UpCommandTests.RunAsync(arguments, TimeSpan.FromSeconds(60), Env(broker));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Queued milestone-reward:C-1:5", first.Output, StringComparison.Ordinal);
        var queue = broker.GetQueue(Queue);
        Assert.Equal(1, queue.ActiveCount);
        Assert.Equal(1, queue.DuplicatesDropped);
    }

    [Fact]
    public async Task DeadLetter_ListsReasons()
    {
        await using var broker = await TestBroker.StartAsync(0, Queue);
        await using (var client = new ServiceBusClient(broker.ConnectionString))
        {
            await using var sender = client.CreateSender(Queue);
            await sender.SendMessageAsync(new ServiceBusMessage("{}") { MessageId = "poison-1", Subject = "thank-you" });
            await using var receiver = client.CreateReceiver(Queue);
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
            await receiver.DeadLetterMessageAsync(message, "invalid-message", "$.schemaVersion is required");
        }

        var (exitCode, output) = await UpCommandTests.RunAsync(["messages", "dead-letter", "--json"], TimeSpan.FromSeconds(60), Env(broker));

        Assert.Equal(0, exitCode);
        Assert.Contains("\"messageId\": \"poison-1\"", output, StringComparison.Ordinal);
        Assert.Contains("\"reason\": \"invalid-message\"", output, StringComparison.Ordinal);
        Assert.Contains("$.schemaVersion is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLetter_NoBroker_SaysWhatToDo()
    {
        var (exitCode, output) = await UpCommandTests.RunAsync(["messages", "dead-letter"], TimeSpan.FromSeconds(120),
            new Dictionary<string, string> { ["ServiceBus__ConnectionString"] = "Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=a;SharedAccessKey=b;UseDevelopmentEmulator=true;" });

        Assert.Equal(1, exitCode);
        Assert.Contains("retention up", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Env(TestBroker broker) => new() { ["ServiceBus__ConnectionString"] = broker.ConnectionString };
}
