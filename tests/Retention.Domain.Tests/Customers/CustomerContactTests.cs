using Retention.Domain.Customers;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Customers;

public sealed class CustomerContactTests
{
    private static readonly EmailAddress Old = EmailAddress.Parse("old@example.com");
    private static readonly EmailAddress New = EmailAddress.Parse("new@example.com");
    private static readonly LocaleTag English = LocaleTag.Parse("en-GB");
    private static readonly LocaleTag French = LocaleTag.Parse("fr-FR");

    private static readonly DateTimeOffset Earlier = Sample.At("2024-02-01T10:00:00Z");
    private static readonly DateTimeOffset Middle = Sample.At("2024-02-15T10:00:00Z");
    private static readonly DateTimeOffset Later = Sample.At("2024-02-29T10:00:00Z");

    [Fact]
    public void Merge_IntoUnknown_TakesEverythingGiven()
    {
        var contact = CustomerContact.Unknown.Merge(Old, English, true, Earlier);

        Assert.Equal(new CustomerContact(new(Old, Earlier), new(English, Earlier), new(true, Earlier)), contact);
    }

    [Fact]
    public void Merge_NothingGiven_ReturnsTheSameContact()
    {
        var contact = CustomerContact.Unknown.Merge(Old, English, true, Earlier);

        Assert.Same(contact, contact.Merge(null, null, null, Later));
        Assert.Same(CustomerContact.Unknown, CustomerContact.Unknown.Merge(null, null, null, Later));
    }

    [Fact]
    public void Merge_Newer_OverridesGivenFieldsAndKeepsTheRest()
    {
        var contact = CustomerContact.Unknown.Merge(Old, English, true, Earlier);

        var merged = contact.Merge(New, null, false, Later);

        Assert.Equal(new CustomerContact(new(New, Later), new(English, Earlier), new(false, Later)), merged);
    }

    [Fact]
    public void Merge_SameInstant_CountsAsNewer()
    {
        var contact = CustomerContact.Unknown.Merge(Old, English, true, Earlier);

        var merged = contact.Merge(New, null, null, Earlier.ToOffset(TimeSpan.FromHours(9)));

        Assert.Equal(New, merged.Email!.Value);
        Assert.Equal(Earlier, merged.Email.At);
    }

    [Fact]
    public void Merge_Older_OnlyFillsUnknownFields()
    {
        var contact = CustomerContact.Unknown.Merge(New, null, null, Later);

        var merged = contact.Merge(Old, French, false, Earlier);

        Assert.Equal(new CustomerContact(new(New, Later), new(French, Earlier), new(false, Earlier)), merged);
    }

    [Fact]
    public void Merge_LateOlderPurchase_WinsForFieldsOnlyOlderPurchasesCarried()
    {
        // t1 says email a + locale en; t3 says only email c; a late t2 says locale fr: fr is the newest locale.
        var contact = CustomerContact.Unknown.Merge(Old, English, null, Earlier).Merge(New, null, null, Later);

        var merged = contact.Merge(null, French, null, Middle);

        Assert.Equal(New, merged.Email!.Value);
        Assert.Equal(French, merged.Locale!.Value);
    }

    [Fact]
    public void Merge_OlderByOffsetOnly_IsOlder()
    {
        // 10:00+01:00 is 09:00 UTC, an hour before 10:00 UTC, although its local clock reads the same.
        var contact = CustomerContact.Unknown.Merge(New, null, null, Sample.At("2024-02-29T10:00:00Z"));

        var merged = contact.Merge(Old, null, null, Sample.At("2024-02-29T10:00:00+01:00"));

        Assert.Equal(New, merged.Email!.Value);
    }
}
