using Amqp.Listener;

namespace Retention.Broker;

/// <summary>A client's receiving link on a queue: credit in, messages out, dispositions back.</summary>
internal sealed class ConsumerEndpoint(BrokerState state, BrokerQueue queue, ListenerLink link) : LinkEndpoint
{
    public BrokerQueue Queue { get; } = queue;

    public ListenerLink Link { get; } = link;

    /// <summary>Link credit the client has granted and the broker has not used; guarded by the broker's lock.</summary>
    public int Credit { get; set; }

    public override void OnMessage(MessageContext messageContext) =>
        messageContext.Complete(new Amqp.Framing.Error(Amqp.ErrorCode.NotAllowed) { Description = "This link receives from the queue." });

    public override void OnFlow(FlowContext flowContext)
    {
        state.AddCredit(this, flowContext.Messages);
        if (Link.IsDraining)
        {
            Link.CompleteDrain();
        }
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        if (dispositionContext.Settled && dispositionContext.Message is { } settled && state.TryGetDelivery(settled, out var settledInfo))
        {
            // The client settled on its own (it does not wait for our outcome): apply it, nothing to send back.
            state.Settle(settledInfo!, dispositionContext.DeliveryState);
            return;
        }

        if (dispositionContext.Message is { } message && state.TryGetDelivery(message, out var info))
        {
            var outcome = state.Settle(info!, dispositionContext.DeliveryState);
            Link.DisposeMessage(message, outcome, settled: true);
        }
    }

    public override void OnLinkClosed(ListenerLink link, Amqp.Framing.Error error) => state.RemoveConsumer(this);
}
