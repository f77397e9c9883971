using Retention.Infrastructure.Email;

namespace Retention.Infrastructure.Tests.Email;

public sealed class AcsOperationIdTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Theory]
    // Expected values from Python's uuid.uuid5 (an independent implementation of RFC 4122 / RFC 9562 version 5).
    [InlineData("www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    [InlineData("python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    public void NameBased_DnsNamespace_MatchesTheReferenceImplementation(string name, string expected) =>
        Assert.Equal(Guid.Parse(expected), AcsOperationId.NameBased(DnsNamespace, name));

    [Fact]
    public void FromIdempotencyKey_SameKey_SameVersion5Id()
    {
        var first = AcsOperationId.FromIdempotencyKey("report:2026-11-23");
        var again = AcsOperationId.FromIdempotencyKey("report:2026-11-23");
        var other = AcsOperationId.FromIdempotencyKey("report:2026-11-24");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal('5', first.ToString("D")[14]);
        Assert.Contains(first.ToString("D")[19], "89ab");
        Assert.DoesNotContain("report", first.ToString("D"), StringComparison.Ordinal);
    }
}
