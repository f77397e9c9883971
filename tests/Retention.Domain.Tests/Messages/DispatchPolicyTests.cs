using Retention.Domain.Customers;
using Retention.Domain.Messages;

namespace Retention.Domain.Tests.Messages;

public sealed class DispatchPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CustomerId Customer = CustomerId.Parse("C-1");

    private static RetentionMessage Message(MessageType type) =>
        new($"{type.Name}:C-1:1", type, Customer, null, T0, MessageData.Empty);

    private static CustomerContact Contact(bool? consent = true, string? email = "asha@example.com", string? locale = null) =>
        new(email is null ? null : new Stamped<EmailAddress>(EmailAddress.Parse(email), T0),
            locale is null ? null : new Stamped<LocaleTag>(LocaleTag.Parse(locale), T0),
            consent is null ? null : new Stamped<bool>(consent.Value, T0),
            new Stamped<string>("Asha", T0));

    private static string? Reason(DispatchDecision decision) => (decision as DispatchDecision.Skip)?.Reason;

    [Fact]
    public void Decide_ConsentedMarketing_SendsToTheAddressWithNameAndLocale()
    {
        var decision = DispatchPolicy.Decide(Message(MessageType.WinBack), Contact(locale: "fa-IR"), ConsentRecord.None, false, 0, FrequencyCap.Default, false);

        var send = Assert.IsType<DispatchDecision.Send>(decision);
        Assert.Equal("asha@example.com", send.To.Value);
        Assert.Equal("Asha", send.FirstName);
        Assert.Equal("fa-IR", send.Locale?.Value);
    }

    [Fact]
    public void Decide_MessageLocale_WinsOverTheCustomers()
    {
        var message = Message(MessageType.WinBack) with { Locale = LocaleTag.Parse("bn") };

        var send = Assert.IsType<DispatchDecision.Send>(DispatchPolicy.Decide(message, Contact(locale: "hi-IN"), ConsentRecord.None, false, 0, FrequencyCap.Default, false));

        Assert.Equal("bn", send.Locale?.Value);
    }

    [Fact]
    public void Decide_UnknownCustomer_SkipsUnknownCustomer() =>
        Assert.Equal(SkipReason.UnknownCustomer, Reason(DispatchPolicy.Decide(Message(MessageType.PointsEarned), null, ConsentRecord.None, false, 0, FrequencyCap.Default, false)));

    [Fact]
    public void Decide_NoAddress_SkipsNoAddressEvenForTransactional() =>
        Assert.Equal(SkipReason.NoAddress, Reason(DispatchPolicy.Decide(Message(MessageType.PointsEarned), Contact(email: null), ConsentRecord.None, false, 0, FrequencyCap.Default, false)));

    [Theory]
    [InlineData("points-earned")]
    [InlineData("thank-you")]
    public void Decide_SuppressedAddress_SkipsEveryCategory(string type)
    {
        Assert.True(MessageType.TryParse(type, out var messageType));

        Assert.Equal(SkipReason.Suppressed, Reason(DispatchPolicy.Decide(Message(messageType!), Contact(), ConsentRecord.None, true, 0, FrequencyCap.Default, false)));
    }

    [Theory]
    [InlineData(false, false, SkipReason.NoConsent)]
    [InlineData(null, false, SkipReason.NoConsent)]
    [InlineData(null, true, null)]
    [InlineData(true, false, null)]
    public void Decide_MarketingConsentFromPurchases_DecidesUnlessSilent(bool? consent, bool assumeWhenUnknown, string? expected) =>
        Assert.Equal(expected, Reason(DispatchPolicy.Decide(Message(MessageType.ThankYou), Contact(consent), ConsentRecord.None, false, 0, FrequencyCap.Default, assumeWhenUnknown)));

    [Fact]
    public void Decide_TransactionalWithoutConsent_Sends() =>
        Assert.IsType<DispatchDecision.Send>(DispatchPolicy.Decide(Message(MessageType.TierUpgrade), Contact(false), ConsentRecord.None.Unsubscribe(T0), false, 5, FrequencyCap.Default, false));

    [Fact]
    public void Decide_Unsubscribed_SkipsMarketingEvenWithPurchaseConsentAfterIt()
    {
        var later = Contact(consent: true) with { MarketingConsent = new Stamped<bool>(true, T0.AddDays(3)) };

        Assert.Equal(SkipReason.Unsubscribed, Reason(DispatchPolicy.Decide(Message(MessageType.WinBack), later, ConsentRecord.None.Unsubscribe(T0.AddDays(1)), false, 0, FrequencyCap.Default, false)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, SkipReason.FrequencyCapped)]
    [InlineData(3, SkipReason.FrequencyCapped)]
    public void Decide_FrequencyCapOfTwo_CapsTheThird(int sentInWindow, string? expected) =>
        Assert.Equal(expected, Reason(DispatchPolicy.Decide(Message(MessageType.Replenishment), Contact(), ConsentRecord.None, false, sentInWindow, FrequencyCap.Default, false)));

    [Fact]
    public void Decide_TransactionalOverTheCap_StillSends() =>
        Assert.IsType<DispatchDecision.Send>(DispatchPolicy.Decide(Message(MessageType.PointsEarned), Contact(), ConsentRecord.None, false, 10, FrequencyCap.Default, false));
}
