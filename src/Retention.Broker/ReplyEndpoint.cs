using Amqp.Listener;

namespace Retention.Broker;

/// <summary>The response half of a request/response pair: the client's receiving link, addressed by its target.</summary>
internal sealed class ReplyEndpoint(BrokerState state, string address) : LinkEndpoint
{
    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        if (!dispositionContext.Settled)
        {
            dispositionContext.Complete();
        }
    }

    public override void OnLinkClosed(ListenerLink link, Amqp.Framing.Error error) => state.RemoveReplyLink(address, link);
}
