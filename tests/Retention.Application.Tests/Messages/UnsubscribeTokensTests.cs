using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Retention.Application.Messages;
using Retention.Domain.Customers;

namespace Retention.Application.Tests.Messages;

public sealed class UnsubscribeTokensTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(SentAt);

    private UnsubscribeTokens Tokens(string secret = "a-secret-of-at-least-thirty-two-characters") =>
        new(Options.Create(new MessagesOptions { UnsubscribeSecret = secret, UnsubscribeLinkDays = 30, PublicBaseUrl = "https://shop.example/" }), _clock);

    [Fact]
    public void Verify_FreshToken_IsValidWithCustomerAndLocale()
    {
        var token = Tokens().Issue(CustomerId.Parse("C|42 ü"), LocaleTag.Parse("fa-IR"), SentAt);

        var valid = Assert.IsType<UnsubscribeToken.Valid>(Tokens().Verify(token));

        Assert.Equal("C|42 ü", valid.CustomerId.Value);
        Assert.Equal("fa-IR", valid.Locale?.Value);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Verify_AfterTheLinkLifetime_IsExpired(int days, bool valid)
    {
        var token = Tokens().Issue(CustomerId.Parse("C-1"), null, SentAt);
        _clock.Advance(TimeSpan.FromDays(days));

        var result = Tokens().Verify(token);

        Assert.Equal(valid, result is UnsubscribeToken.Valid);
        Assert.Equal(!valid, result is UnsubscribeToken.Expired);
    }

    [Fact]
    public void Verify_AnyChangedCharacter_IsInvalid()
    {
        var token = Tokens().Issue(CustomerId.Parse("C-1"), LocaleTag.Parse("en"), SentAt);

        for (var i = 0; i < token.Length; i++)
        {
            var replacement = token[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
            Assert.IsType<UnsubscribeToken.Invalid>(Tokens().Verify(tampered));
        }
    }

    [Fact]
    public void Verify_AnotherCustomersPayloadWithTheOldSignature_IsInvalid()
    {
        var mine = Tokens().Issue(CustomerId.Parse("C-1"), null, SentAt);
        var theirs = Tokens().Issue(CustomerId.Parse("C-2"), null, SentAt);
        var swapped = theirs.Split('.')[0] + "." + mine.Split('.')[1];

        Assert.IsType<UnsubscribeToken.Invalid>(Tokens().Verify(swapped));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("!!!.???")]
    public void Verify_Garbage_IsInvalid(string? token) => Assert.IsType<UnsubscribeToken.Invalid>(Tokens().Verify(token));

    [Fact]
    public void Verify_OtherSecret_IsInvalid()
    {
        var token = Tokens().Issue(CustomerId.Parse("C-1"), null, SentAt);

        Assert.IsType<UnsubscribeToken.Invalid>(Tokens("another-secret-of-at-least-thirty-two-chars").Verify(token));
    }

    [Fact]
    public void LinkFor_EscapesTheTokenUnderPublicBaseUrl()
    {
        var link = Tokens().LinkFor("a.b-_c");

        Assert.Equal("https://shop.example/api/unsubscribe?token=a.b-_c", link.AbsoluteUri);
    }
}
