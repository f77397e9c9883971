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
    private static readonly DateTimeOffset Later = Sample.At("2024-02-29T10:00:00Z");

    [Fact]
    public void Merge_IntoUnknown_TakesEverythingGiven()
    {
        var contact = CustomerContact.Unknown.Merge(Old, English, true, Earlier);

        Assert.Equal(new CustomerContact(Old, English, true, Earlier), contact);
    }

    [Fact]
    public void Merge_NothingGiven_ReturnsTheSameContact()
    {
        var contact = new CustomerContact(Old, English, true, Earlier);

        Assert.Same(contact, contact.Merge(null, null, null, Later));
        Assert.Same(CustomerContact.Unknown, CustomerContact.Unknown.Merge(null, null, null, Later));
    }

    [Fact]
    public void Merge_Newer_OverridesGivenFieldsAndKeepsTheRest()
    {
        var contact = new CustomerContact(Old, English, true, Earlier);

        var merged = contact.Merge(New, null, false, Later);

        Assert.Equal(new CustomerContact(New, English, false, Later), merged);
    }

    [Fact]
    public void Merge_SameInstant_CountsAsNewer()
    {
        var contact = new CustomerContact(Old, English, true, Earlier);

        var merged = contact.Merge(New, null, null, Earlier.ToOffset(TimeSpan.FromHours(9)));

        Assert.Equal(New, merged.Email);
        Assert.Equal(Earlier, merged.AsOf);
    }

    [Fact]
    public void Merge_Older_OnlyFillsUnknownFields()
    {
        var contact = new CustomerContact(New, null, null, Later);

        var merged = contact.Merge(Old, French, false, Earlier);

        Assert.Equal(new CustomerContact(New, French, false, Later), merged);
    }

    [Fact]
    public void Merge_OlderByOffsetOnly_IsOlder()
    {
        // 10:00+01:00 is 09:00 UTC, an hour before 10:00 UTC, although its local clock reads the same.
        var contact = new CustomerContact(New, null, null, Sample.At("2024-02-29T10:00:00Z"));

        var merged = contact.Merge(Old, null, null, Sample.At("2024-02-29T10:00:00+01:00"));

        Assert.Equal(New, merged.Email);
    }
}
