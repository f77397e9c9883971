using Retention.Infrastructure.Email;

namespace Retention.Infrastructure.Tests.Email;

public sealed class SmtpQueueIdTests
{
    [Theory]
    [InlineData("2.0.0 Ok: queued as 4XyZ12AbC", "4XyZ12AbC")]
    [InlineData("OK: queued as 7", "7")]
    [InlineData("Ok: Queued As <abc.def@mx>", "abc.def@mx")]
    [InlineData("OK: message queued", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void QueueId_ServerReply_IdWhenGiven(string? reply, string? expected) =>
        Assert.Equal(expected, SmtpEmailSender.QueueId(reply));
}
