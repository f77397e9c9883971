using Retention.Domain.Customers;

namespace Retention.Domain.Tests.Customers;

public sealed class EmailAddressTests
{
    private const string NotAnAddress = "must be an email address such as name@example.com";

    [Theory]
    [InlineData("name@example.com", "name@example.com")]
    [InlineData("Name@Example.COM", "Name@example.com")]
    [InlineData("first.last+tag@mail.example.co.uk", "first.last+tag@mail.example.co.uk")]
    [InlineData("o'neil@example.ie", "o'neil@example.ie")]
    [InlineData("a@b.io", "a@b.io")]
    [InlineData("123@456.example", "123@456.example")]
    public void TryParse_ValidAddress_LowerCasesOnlyTheDomain(string value, string expected)
    {
        var ok = EmailAddress.TryParse(value, out var email, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal(expected, email.Value);
    }

    [Theory]
    [InlineData(null, "must not be empty (leave the field out instead)")]
    [InlineData("", "must not be empty (leave the field out instead)")]
    [InlineData("name", NotAnAddress)]
    [InlineData("@example.com", NotAnAddress)]
    [InlineData("name@", NotAnAddress)]
    [InlineData("name@localhost", NotAnAddress)]
    [InlineData("name@.example.com", NotAnAddress)]
    [InlineData("name@example.com.", NotAnAddress)]
    [InlineData("na me@example.com", NotAnAddress)]
    [InlineData(" name@example.com", NotAnAddress)]
    [InlineData("name@example.com ", NotAnAddress)]
    [InlineData("name@exa\tmple.com", NotAnAddress)]
    [InlineData("name\n@example.com", NotAnAddress)]
    [InlineData("Name <name@example.com>", NotAnAddress)]
    [InlineData("\"Name\"<name@example.com>", NotAnAddress)]
    [InlineData("a@b@example.com", NotAnAddress)]
    [InlineData("name@example.com, other@example.com", NotAnAddress)]
    public void TryParse_InvalidAddress_FailsWithReason(string? value, string reason)
    {
        var ok = EmailAddress.TryParse(value, out var email, out var error);

        Assert.False(ok);
        Assert.Equal(default, email);
        Assert.Equal(reason, error?.Reason);
    }

    [Fact]
    public void TryParse_254Characters_Accepted()
    {
        var value = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 57) + ".com";

        var ok = EmailAddress.TryParse(value, out var email, out _);

        Assert.Equal(254, value.Length);
        Assert.True(ok);
        Assert.Equal(value, email.Value);
    }

    [Fact]
    public void TryParse_255Characters_Rejected()
    {
        var value = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 58) + ".com";

        var ok = EmailAddress.TryParse(value, out _, out var error);

        Assert.Equal(255, value.Length);
        Assert.False(ok);
        Assert.Equal("must be at most 254 characters", error?.Reason);
    }

    [Fact]
    public void TryParse_InvalidAddress_ReasonDoesNotEchoTheAddress()
    {
        var ok = EmailAddress.TryParse("secret.person@nowhere", out _, out var error);

        Assert.False(ok);
        Assert.NotNull(error);
        Assert.DoesNotContain("secret", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        var ex = Assert.Throws<FormatException>(() => EmailAddress.Parse("nope"));

        Assert.Equal("Email must be an email address such as name@example.com.", ex.Message);
    }
}
