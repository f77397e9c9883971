using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace Retention.Broker;

/// <summary>
/// Answers $cbs put-token requests and the operations the broker emulates on {queue}/$management and
/// {queue}/$deadletterqueue/$management.
/// </summary>
internal sealed class ManagementOperations(BrokerState state)
{
    public static Message PutToken(Message request)
    {
        _ = request;
        var response = new Message { ApplicationProperties = new ApplicationProperties() };
        response.ApplicationProperties["status-code"] = 202;
        response.ApplicationProperties["status-description"] = "Accepted";
        return response;
    }

    public Message Handle(BrokerQueue queue, Message request)
    {
        var operation = request.ApplicationProperties?["operation"] as string;
        var body = request.Body as Map;
        return operation switch
        {
            "com.microsoft:renew-lock" => RenewLock(queue, body),
            "com.microsoft:peek-message" => Peek(queue, body),
            "com.microsoft:schedule-message" or "com.microsoft:cancel-scheduled-message" when queue.IsDeadLetterQueue =>
                Response(403, "A dead-letter sub-queue cannot be sent to.", null, "amqp:not-allowed"),
            "com.microsoft:schedule-message" => Schedule(queue, body),
            "com.microsoft:cancel-scheduled-message" => CancelScheduled(queue, body),
            _ => Response(501, $"Operation '{operation}' is not supported by the test broker.", null, "com.microsoft:not-implemented"),
        };
    }

    private Message RenewLock(BrokerQueue queue, Map? body)
    {
        var tokens = body?["lock-tokens"] as Guid[] ?? [];
        var expirations = state.RenewLocks(queue, tokens);
        return expirations is null
            ? Response(410, "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.", null, BrokerState.LockLostCondition)
            : Response(200, "OK", new Map { ["expirations"] = expirations.Select(e => e.UtcDateTime).ToArray() });
    }

    /// <summary>
    /// Request body <c>{from-sequence-number: long, message-count: int}</c>; the client sends its last peeked sequence
    /// number + 1. Response 200 <c>{messages: list of {message: binary}}</c>, each binary one encoded message, or
    /// 204 with no body when nothing is there.
    /// </summary>
    private Message Peek(BrokerQueue queue, Map? body)
    {
        var from = body?["from-sequence-number"] is long fromSequenceNumber ? fromSequenceNumber : 1;
        var count = body?["message-count"] is int messageCount ? messageCount : 1;
        var peeked = state.Peek(queue, from, count);
        if (peeked.Count == 0)
        {
            return Response(204, "No Content", null);
        }

        var messages = new List();
        foreach (var encoded in peeked)
        {
            messages.Add(new Map { ["message"] = encoded });
        }

        return Response(200, "OK", new Map { ["messages"] = messages });
    }

    private Message Schedule(BrokerQueue queue, Map? body)
    {
        var entries = new List<(byte[] Encoded, Message Decoded)>();
        foreach (var item in body?["messages"] as List ?? [])
        {
            if (item is Map entry && entry["message"] is byte[] encoded)
            {
                entries.Add((encoded, QueueTargetEndpoint.Decode(encoded)));
            }
        }

        var sequenceNumbers = state.Enqueue(queue, entries);
        return Response(200, "OK", new Map { ["sequence-numbers"] = sequenceNumbers });
    }

    private Message CancelScheduled(BrokerQueue queue, Map? body)
    {
        state.CancelScheduled(queue, body?["sequence-numbers"] as long[] ?? []);
        return Response(200, "OK", new Map());
    }

    private static Message Response(int statusCode, string description, Map? body, string? errorCondition = null)
    {
        var response = body is null ? new Message() : new Message(body);
        response.ApplicationProperties = new ApplicationProperties();
        response.ApplicationProperties["statusCode"] = statusCode;
        response.ApplicationProperties["statusDescription"] = description;
        if (errorCondition is not null)
        {
            response.ApplicationProperties["errorCondition"] = new Symbol(errorCondition);
        }

        return response;
    }
}
