using Retention.Domain.Customers;
using Retention.Domain.Idempotency;
using Retention.Domain.Orders;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Idempotency;

public sealed class OrderClaimTests
{
    private static readonly Fingerprint Claimed = Fingerprint.Of("first request");
    private static readonly Fingerprint Other = Fingerprint.Of("second request");

    private static readonly OrderClaim Claim = new(OrderId.Parse("order-1"), CustomerId.Parse("customer-1"), Claimed, Sample.At("2024-03-01T12:00:00Z"));

    // The claim was written at 2024-03-01T12:00:00Z and is abandoned after 5 minutes.
    [Theory]
    [InlineData(true, true, "2024-03-01T12:00:01Z", ClaimDecision.Replay)]
    [InlineData(true, true, "2024-03-08T12:00:00Z", ClaimDecision.Replay)]
    [InlineData(true, false, "2024-03-01T12:00:01Z", ClaimDecision.Complete)]
    [InlineData(true, false, "2024-03-01T13:00:00Z", ClaimDecision.Complete)]
    [InlineData(false, true, "2024-03-01T12:00:01Z", ClaimDecision.Conflict)]
    [InlineData(false, true, "2024-03-08T12:00:00Z", ClaimDecision.Conflict)]
    [InlineData(false, false, "2024-03-01T12:00:00Z", ClaimDecision.Conflict)]
    [InlineData(false, false, "2024-03-01T12:04:59.9999999Z", ClaimDecision.Conflict)]
    [InlineData(false, false, "2024-03-01T12:05:00Z", ClaimDecision.TakeOver)]
    [InlineData(false, false, "2024-03-01T12:05:00.0000001Z", ClaimDecision.TakeOver)]
    [InlineData(false, false, "2024-03-02T12:00:00Z", ClaimDecision.TakeOver)]
    [InlineData(false, false, "2024-03-01T13:04:59+01:00", ClaimDecision.Conflict)]
    [InlineData(false, false, "2024-03-01T13:05:00+01:00", ClaimDecision.TakeOver)]
    [InlineData(false, false, "2024-03-01T07:05:00-05:00", ClaimDecision.TakeOver)]
    [InlineData(false, false, "2024-03-01T11:00:00Z", ClaimDecision.Conflict)]
    public void Decide_FingerprintRecordedAndAge_GivesDecision(bool sameFingerprint, bool orderRecorded, string now, ClaimDecision expected)
    {
        var decision = Claim.Decide(sameFingerprint ? Claimed : Other, orderRecorded, Sample.At(now));

        Assert.Equal(expected, decision);
    }

    [Fact]
    public void AbandonedAfter_Default_IsFiveMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), OrderClaim.AbandonedAfter);
    }
}
