namespace Retention.Api.Webhooks;

/// <summary>
/// The JSON body of a 200 answer to a webhook: what became of the event. Platforms only look at the status; this is for
/// people reading delivery logs and for tests.
/// </summary>
/// <param name="Outcome"><c>applied</c>, <c>ignored</c>, <c>duplicate</c> (the delivery id was applied before), <c>ping</c> or <c>erased</c>.</param>
internal sealed record WebhookResult(string Platform, string? Topic, string Outcome)
{
    public string? OrderId { get; init; }

    /// <summary><c>recorded</c>, <c>replayed</c>, or <c>kept-first</c> (the order id was recorded before with other content).</summary>
    public string? Purchase { get; set; }

    public List<RefundStep>? Refunds { get; set; }

    /// <summary><c>cancelled</c>, <c>already-cancelled</c> or <c>order-not-recorded</c>.</summary>
    public string? Cancellation { get; set; }

    public string? Detail { get; init; }

    /// <summary>One refund and what became of it: <c>recorded</c>, <c>replayed</c>, <c>kept-first</c>, <c>order-cancelled</c>, <c>exceeds-remaining</c>, <c>order-not-recorded</c>.</summary>
    public sealed record RefundStep(string RefundId, string Amount, string Outcome);
}
