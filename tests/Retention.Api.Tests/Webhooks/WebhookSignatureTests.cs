using System.Text;
using Retention.Api.Webhooks;

namespace Retention.Api.Tests.Webhooks;

/// <summary>
/// base64(HMAC-SHA256(raw body, secret)) on the platforms' official example payloads. The expected signatures were
/// computed independently (Python's hmac module) over the fixture files' exact bytes.
/// </summary>
public sealed class WebhookSignatureTests
{
    private const string ShopifyOrderSignature = "9b0ZWtZiuZIDxOUAu6Ofp+THHTF+FDqRx52/xZfRtIc=";
    private const string WooOrderSignature = "Ut3UzMeIP1Lca8LMuvxwxNcit9+AxLM3rYHjw0Lnq5M=";
    private const string SpecialSecret = "s3cr€t/+=&\"";
    private const string ShopifyOrderSpecialSignature = "EPi5/Enqtv1AFxiDGvFpZHcFpW74bFtnFti2HEW1oTQ=";

    private static readonly byte[] ShopifyOrder = Fixtures.Bytes("shopify", "order_450789469.json");
    private static readonly byte[] WooOrder = Fixtures.Bytes("woocommerce", "order_727.json");

    [Fact]
    public void Compute_OfficialPayloads_MatchIndependentlyComputedSignatures()
    {
        Assert.Equal(ShopifyOrderSignature, WebhookSignature.Compute(ShopifyOrder, "hush"));
        Assert.Equal(WooOrderSignature, WebhookSignature.Compute(WooOrder, "hush"));
        Assert.Equal(ShopifyOrderSpecialSignature, WebhookSignature.Compute(ShopifyOrder, SpecialSecret));
    }

    [Fact]
    public void Matches_ValidSignatures_True()
    {
        Assert.True(WebhookSignature.Matches(ShopifyOrder, "hush", ShopifyOrderSignature));
        Assert.True(WebhookSignature.Matches(WooOrder, "hush", WooOrderSignature));
    }

    [Fact]
    public void Matches_SecretWithSpecialCharacters_SignedAsUtf8Bytes()
    {
        Assert.True(WebhookSignature.Matches(ShopifyOrder, SpecialSecret, ShopifyOrderSpecialSignature));
        Assert.False(WebhookSignature.Matches(ShopifyOrder, "s3cr\u00e9t/+=&\"", ShopifyOrderSpecialSignature));
        Assert.False(WebhookSignature.Matches(ShopifyOrder, SpecialSecret, ShopifyOrderSignature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-1)]
    public void Matches_OneByteChanged_False(int at)
    {
        var tampered = (byte[])ShopifyOrder.Clone();
        var index = at < 0 ? tampered.Length - 1 : at;
        tampered[index] ^= 0x01;

        Assert.False(WebhookSignature.Matches(tampered, "hush", ShopifyOrderSignature));
    }

    [Fact]
    public void Matches_WhitespaceReformattedBody_False()
    {
        var reformatted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WooOrder).Replace("  ", " ", StringComparison.Ordinal));

        Assert.False(WebhookSignature.Matches(reformatted, "hush", WooOrderSignature));
    }

    [Fact]
    public void Matches_EmptyBody_SignedLikeAnyOther()
    {
        Assert.True(WebhookSignature.Matches([], "hush", "Knm8rWjeSXNIt2H0AOMT7DQ8/YSy8sQi/pEjbuUmGMs="));
        Assert.False(WebhookSignature.Matches([], "hush", ShopifyOrderSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64!")]
    [InlineData("9b0ZWtZiuZIDxOUAu6Ofp+THHTF+FDqRx52/xZfRtI")]
    [InlineData("9b0ZWtZiuZIDxOUAu6Ofp+THHTF+FDqRx52/xZfRtIc=9b0ZWtZiuZIDxOUAu6Ofp+THHTF+FDqRx52/xZfRtIc=")]
    [InlineData("f5bd195ad662b99203c4e500bba39fa7e4c71d317e143a91c79dbfc597d1b487")]
    public void Matches_MissingOrMalformedSignature_False(string? presented)
    {
        Assert.False(WebhookSignature.Matches(ShopifyOrder, "hush", presented));
    }

    [Fact]
    public void Matches_EmptySecret_FalseEvenForTheEmptySecretsSignature()
    {
        var signedWithEmpty = WebhookSignature.Compute(ShopifyOrder, "");

        Assert.False(WebhookSignature.Matches(ShopifyOrder, "", signedWithEmpty));
    }
}
