using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Domain.Tests.Messages;

public sealed class ConsentRecordTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static CustomerContact PurchaseConsent(bool value, DateTimeOffset at) => new(null, null, new Stamped<bool>(value, at));

    [Fact]
    public void WithConsent_OlderChange_IsIgnored()
    {
        var record = ConsentRecord.None.WithConsent(false, T0).WithConsent(true, T0.AddMinutes(-1));

        Assert.False(record.Marketing!.Value);
        Assert.Equal(T0, record.Marketing.At);
    }

    [Fact]
    public void WithConsent_TrueAfterUnsubscribe_LiftsIt()
    {
        var record = ConsentRecord.None.Unsubscribe(T0).WithConsent(true, T0.AddSeconds(1));

        Assert.Null(record.UnsubscribedAt);
        Assert.True(record.AllowsMarketing(CustomerContact.Unknown, false));
    }

    [Fact]
    public void WithConsent_TrueAtTheUnsubscribeInstant_DoesNotLiftIt()
    {
        var record = ConsentRecord.None.Unsubscribe(T0).WithConsent(true, T0);

        Assert.Equal(T0, record.UnsubscribedAt);
        Assert.False(record.AllowsMarketing(CustomerContact.Unknown, true));
    }

    [Fact]
    public void Unsubscribe_Twice_KeepsTheFirstTime()
    {
        var record = ConsentRecord.None.Unsubscribe(T0).Unsubscribe(T0.AddDays(1));

        Assert.Equal(T0, record.UnsubscribedAt);
    }

    [Theory]
    [InlineData(true, -1, false, false)]
    [InlineData(true, 1, false, true)]
    [InlineData(false, 1, true, false)]
    [InlineData(false, -1, true, true)]
    public void AllowsMarketing_NewestOfPurchaseAndStorefront_Wins(bool purchaseSays, int purchaseMinutesAfterPost, bool postSays, bool expected)
    {
        var record = ConsentRecord.None.WithConsent(postSays, T0);

        Assert.Equal(expected, record.AllowsMarketing(PurchaseConsent(purchaseSays, T0.AddMinutes(purchaseMinutesAfterPost)), false));
    }

    [Fact]
    public void AllowsMarketing_NobodySaidAnything_FollowsTheSetting()
    {
        Assert.False(ConsentRecord.None.AllowsMarketing(CustomerContact.Unknown, false));
        Assert.True(ConsentRecord.None.AllowsMarketing(CustomerContact.Unknown, true));
    }
}
