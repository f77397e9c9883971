using Retention.Domain.Idempotency;

namespace Retention.Domain.Tests.Idempotency;

public sealed class FingerprintTests
{
    [Fact]
    public void Of_Text_IsLowerCaseHexSha256()
    {
        // SHA-256 of "abc" from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Fingerprint.Of("abc").Value);
    }

    [Fact]
    public void Parse_StoredValue_RoundTrips()
    {
        var fingerprint = Fingerprint.Of("{\"kind\":\"purchase/1\"}");

        Assert.Equal(fingerprint, Fingerprint.Parse(fingerprint.Value));
        Assert.Equal(fingerprint.Value, fingerprint.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Parse_NotSixtyFourLowerCaseHexDigits_Throws(string value)
    {
        Assert.Throws<FormatException>(() => Fingerprint.Parse(value));
    }
}
