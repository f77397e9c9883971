using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application;
using Retention.Application.Messages;
using Retention.Application.Ports;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Infrastructure;
using Spectre.Console;

namespace Retention.Cli.Commands;

/// <summary><c>retention messages enqueue|dispatch|dead-letter</c>: put customer messages on the queue by hand, send them, and see the ones that failed.</summary>
internal static class MessagesCommand
{
    /// <summary>The broker <c>retention up</c> starts, used when no ServiceBus__ setting is given.</summary>
    public const string LocalBrokerConnectionString =
        "Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    public static Command Create() => new("messages", """
        Customer messages (thank-you, milestone reward, points, tier, win-back, replenishment, coupon expiring,
        feedback request) travel through the Service Bus queue ServiceBus__QueueName (default retention-messages) to
        the email dispatcher. Without ServiceBus__ConnectionString or ServiceBus__FullyQualifiedNamespace these commands
        use the local broker that './retention up' starts on 127.0.0.1:5672. Contract: docs/messages.md.
        """)
    {
        Enqueue(),
        Dispatch(),
        DeadLetters(),
    };

    private static Command Enqueue()
    {
        var type = new Option<string>("--type") { Description = "Message type.", Required = true };
        type.AcceptOnlyFromAmong([.. MessageType.All.Select(t => t.Name)]);
        var customer = new Option<string>("--customer") { Description = "The customer id (the email goes to the address of their purchases).", Required = true };
        var locale = new Option<string?>("--locale") { Description = "Language to write in (en, hi, fa, gu, bn, or a tag such as hi-IN). Default: the customer's, then Messages__DefaultLocale." };
        var order = new Option<string?>("--order") { Description = "The order the message is about (thank-you, points-earned, feedback-request)." };
        var items = new Option<string[]>("--item")
        {
            Description = "A product to mention, as NAME or NAME*QUANTITY; repeat for more (replenishment needs one).",
            AllowMultipleArgumentsPerToken = false,
        };
        var coupon = new Option<string?>("--coupon") { Description = "Coupon code (thank-you, milestone-reward and coupon-expiring need one)." };
        var percentOff = new Option<decimal?>("--percent-off") { Description = "The coupon's percentage off, e.g. 15." };
        var amountOff = new Option<decimal?>("--amount-off") { Description = "The coupon's fixed amount off, e.g. 100 (in --currency)." };
        var minimumSpend = new Option<decimal?>("--minimum-spend") { Description = "The smallest basket the coupon applies to (in --currency)." };
        var currency = new Option<string?>("--currency") { Description = "Currency of --amount-off and --minimum-spend. Default: Store__Currency or USD." };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the coupon expires (ISO 8601). Default: in 14 days.", CustomParser = ParseInstant };
        var points = new Option<long?>("--points") { Description = "Points earned (points-earned)." };
        var balance = new Option<long?>("--balance") { Description = "Points balance after the event (points-earned, tier-upgrade)." };
        var tier = new Option<string?>("--tier") { Description = "The new tier's name (tier-upgrade)." };
        var previousTier = new Option<string?>("--previous-tier") { Description = "The previous tier's name (tier-upgrade)." };
        var orderCount = new Option<int?>("--order-count") { Description = "The customer's number of orders (milestone-reward)." };
        var lastPurchase = new Option<DateTimeOffset?>("--last-purchase") { Description = "When the customer last bought (win-back), ISO 8601.", CustomParser = ParseInstant };
        var due = new Option<DateTimeOffset?>("--due") { Description = "When the customer will probably run out (replenishment), ISO 8601.", CustomParser = ParseInstant };
        var reviewUrl = new Option<Uri?>("--review-url") { Description = "Where to leave a review (feedback-request). Default: Brand__ShopUrl.", CustomParser = ParseUrl };
        var notBefore = new Option<DateTimeOffset?>("--not-before") { Description = "Schedule the message to appear on the queue at this time (ISO 8601).", CustomParser = ParseInstant };
        var messageId = new Option<string?>("--message-id") { Description = "The message id. Default: manual:TYPE:CUSTOMER:DATE, so the same command on the same day is sent once." };
        var command = new Command("enqueue", """
            Put one message on the queue for the dispatcher. It is checked first: a message that cannot be rendered is
            refused here with the field that is missing. The dispatcher still applies consent, unsubscribes, the
            suppression list and the frequency cap when it sends.
            """)
        {
            type, customer, locale, order, items, coupon, percentOff, amountOff, minimumSpend, currency, expires, points, balance, tier, previousTier,
            orderCount, lastPurchase, due, reviewUrl, notBefore, messageId,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var configuration = Configuration();
            var now = DateTimeOffset.UtcNow;
            var messageType = MessageType.TryParse(result.GetValue(type), out var t) ? t : throw new CliException("--type is not a message type.");
            if (!CustomerId.TryParse(result.GetValue(customer), out var customerId, out var customerError))
            {
                throw new CliException($"--customer {customerError.Reason}.");
            }
            LocaleTag? language = null;
            if (result.GetValue(locale) is { } localeText)
            {
                language = LocaleTag.TryParse(localeText, out var parsed, out var localeError) ? parsed : throw new CliException($"--locale {localeError.Reason}.");
            }
            OrderId? orderId = null;
            if (result.GetValue(order) is { } orderText)
            {
                orderId = OrderId.TryParse(orderText, out var parsed, out var orderError) ? parsed : throw new CliException($"--order {orderError.Reason}.");
            }
            var currencyText = result.GetValue(currency) ?? configuration["Store:Currency"] ?? "USD";
            if (!CurrencyCode.TryParse(currencyText, out var currencyCode, out var currencyError))
            {
                throw new CliException($"--currency {currencyError.Reason}.");
            }
            CouponOffer? offer = null;
            if (result.GetValue(coupon) is { } code)
            {
                offer = new CouponOffer(code, result.GetValue(percentOff),
                    Amount(result.GetValue(amountOff), currencyCode, "--amount-off"), Amount(result.GetValue(minimumSpend), currencyCode, "--minimum-spend"),
                    result.GetValue(expires) ?? now.AddDays(14));
            }
            var message = new RetentionMessage(
                result.GetValue(messageId) ?? $"manual:{messageType.Name}:{customerId.Value}:{now:yyyy-MM-dd}",
                messageType, customerId, language, now,
                new MessageData
                {
                    OrderId = orderId,
                    Items = [.. (result.GetValue(items) ?? []).Select(ParseItem)],
                    Coupon = offer,
                    Points = result.GetValue(points),
                    PointsBalance = result.GetValue(balance),
                    Tier = result.GetValue(tier),
                    PreviousTier = result.GetValue(previousTier),
                    OrderCount = result.GetValue(orderCount),
                    LastPurchaseAt = result.GetValue(lastPurchase),
                    DueAt = result.GetValue(due),
                    ReviewUrl = result.GetValue(reviewUrl),
                });
            await using var services = Messaging(configuration);
            var errors = await Unavailable(() => services.GetRequiredService<EnqueueMessages>().ExecuteAsync([new OutgoingMessage(message, result.GetValue(notBefore))], cancellationToken));
            if (errors.Count > 0)
            {
                throw new CliException("the message cannot be rendered: " + string.Join("; ", errors.Select(e => $"{OptionFor(e.Key)} {e.Value.Reason}")) + ".");
            }
            AnsiConsole.MarkupLine($"Queued [bold]{Markup.Escape(message.MessageId)}[/] ({messageType.Name}, {(messageType.IsMarketing ? "marketing" : "transactional")})" +
                (result.GetValue(notBefore) is { } at ? $", to appear at {at:u}" : "") + ".");
            return 0;
        }));
        return command;
    }

    private static Command Dispatch()
    {
        var command = new Command("dispatch", """
            Run the email dispatcher once now (as the timer does every minute): receive up to Messages__BudgetPerRun
            messages, check consent, unsubscribes, suppression and the frequency cap, send, record, complete. Needs
            storage (Storage__ConnectionString, default Azurite) and the email provider (Email__Provider).
            """);
        command.SetAction((_, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken, WithLocalBroker);
            var summary = await services.GetRequiredService<DispatchMessages>().ExecuteAsync(cancellationToken);
            var reasons = summary.SkippedTotal > 0
                ? " (" + string.Join(", ", summary.Skipped.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}"))) + ")"
                : "";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Received {summary.Received}, sent [bold]{summary.Sent}[/], already sent {summary.AlreadySent}, skipped {summary.SkippedTotal}{reasons}, dead-lettered {summary.DeadLettered}, returned to the queue {summary.Abandoned}."));
            return 0;
        }));
        return command;
    }

    private static Command DeadLetters()
    {
        var max = new Option<int>("--max") { Description = "Show at most this many.", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("dead-letter", """
            List the messages the dispatcher gave up on (the queue's dead-letter sub-queue), oldest first, with the
            reason: invalid-json, invalid-message, unknown-type, unsupported-schema-version, send-rejected, or
            MaxDeliveryCountExceeded (failed too often). Nothing is removed.
            """) { max, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var limit = result.GetValue(max);
            if (limit is < 1 or > 10_000)
            {
                throw new CliException("--max must be from 1 to 10000.");
            }
            await using var services = Messaging(Configuration());
            var letters = await Unavailable(() => services.GetRequiredService<IDeadLetterReader>().PeekAsync(limit, cancellationToken));
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(letters, IndentedJson));
                return 0;
            }
            if (letters.Count == 0)
            {
                AnsiConsole.MarkupLine("No dead-lettered messages.");
                return 0;
            }
            var table = new Table().AddColumns("Enqueued (UTC)", "Message id", "Type", "Deliveries", "Reason", "Description");
            foreach (var letter in letters)
            {
                table.AddRow(letter.EnqueuedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(letter.MessageId),
                    Markup.Escape(letter.Type ?? ""), letter.DeliveryCount.ToString(CultureInfo.InvariantCulture), Markup.Escape(letter.Reason), Markup.Escape(letter.Description ?? ""));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{letters.Count} dead-lettered message(s).");
            return 0;
        }));
        return command;
    }

    private static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>Without a ServiceBus setting, the broker that <c>retention up</c> runs.</summary>
    internal static void WithLocalBroker(IConfigurationBuilder builder)
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (string.IsNullOrWhiteSpace(environment["ServiceBus:ConnectionString"]) && string.IsNullOrWhiteSpace(environment["ServiceBus:FullyQualifiedNamespace"]))
        {
            builder.AddInMemoryCollection([new("ServiceBus:ConnectionString", LocalBrokerConnectionString)]);
        }
    }

    private static ServiceProvider Messaging(IConfiguration environment)
    {
        var builder = new ConfigurationBuilder().AddConfiguration(environment);
        WithLocalBroker(builder);
        var configuration = builder.Build();
        var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddRetentionApplication()
            .AddRetentionInfrastructure(configuration)
            .BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<Infrastructure.Messaging.ServiceBusOptions>>().Value;
        return provider;
    }

    private static async Task<T> Unavailable<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (MessagingUnavailableException ex)
        {
            throw new CliException(ex.Message + " Is './retention up' running, or ServiceBus__ConnectionString set?");
        }
    }

    private static Money? Amount(decimal? amount, CurrencyCode currency, string option) =>
        amount is not { } value ? null
        : Money.TryCreate(value, currency, out var money, out var error) ? money
        : throw new CliException($"{option} {error.Reason}.");

    private static MessageItem ParseItem(string text)
    {
        var star = text.LastIndexOf('*');
        if (star > 0 && int.TryParse(text[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            return new MessageItem(text[..star].Trim(), quantity, null);
        }
        return new MessageItem(text.Trim(), 1, null);
    }

    private static string OptionFor(string path) => path switch
    {
        "$.data.coupon" => "--coupon",
        "$.data.coupon.code" => "--coupon",
        "$.data.coupon.percentOff" => "--percent-off",
        "$.data.coupon.amountOff" => "--amount-off",
        "$.data.coupon.minimumSpend" => "--minimum-spend",
        "$.data.orderCount" => "--order-count",
        "$.data.points" => "--points",
        "$.data.pointsBalance" => "--balance",
        "$.data.tier" => "--tier",
        "$.data.previousTier" => "--previous-tier",
        "$.data.lastPurchaseAt" => "--last-purchase",
        "$.data.items" => "--item",
        "$.data.orderId" => "--order",
        "$.data.reviewUrl" => "--review-url",
        "$.messageId" => "--message-id",
        _ when path.StartsWith("$.data.items", StringComparison.Ordinal) => "--item",
        _ => path,
    };

    private static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }
        result.AddError($"{result.Argument.Name} '{text}' is not a date or time such as 2026-12-01 or 2026-12-01T09:00:00Z.");
        return null;
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }
        result.AddError($"{result.Argument.Name} '{text}' is not an absolute http or https address.");
        return null;
    }
}
