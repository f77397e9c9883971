using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace Retention.Broker;

/// <summary>
/// The request half of a request/response pair ($cbs, {queue}/$management): each request is answered on the link
/// whose target is the request's reply-to, with correlation-id = the request's message-id.
/// </summary>
internal sealed class RequestEndpoint(BrokerState state, Func<Message, Message> handle) : LinkEndpoint
{
    public override void OnMessage(MessageContext messageContext)
    {
        var request = messageContext.Message;
        var response = handle(request);
        response.Properties ??= new Properties();
        response.Properties.CorrelationId = request.Properties?.MessageId;
        messageContext.Complete();
        state.Reply(request.Properties?.ReplyTo, response);
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext) => dispositionContext.Complete();
}
