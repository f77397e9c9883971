using Amqp;
using Amqp.Sasl;
using Amqp.Types;

namespace Retention.Broker;

/// <summary>
/// The SASL mechanism Azure.Messaging.ServiceBus offers with UseDevelopmentEmulator=true (and nothing else).
/// Accepts every client; the SAS token arrives later over $cbs and is not checked either.
/// </summary>
internal sealed class MssbCbsSaslProfile() : SaslProfile(Name)
{
    public static readonly Symbol Name = new("MSSBCBS");

    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    protected override DescribedList GetStartCommand(string hostname) => new SaslInit { Mechanism = Name };

    protected override DescribedList OnCommand(DescribedList command) =>
        command is SaslInit
            ? new SaslOutcome { Code = SaslCode.Ok }
            : throw new AmqpException(ErrorCode.NotAllowed, "Unexpected SASL command.");
}
