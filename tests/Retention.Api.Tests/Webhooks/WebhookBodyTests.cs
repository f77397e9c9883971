using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Retention.Api.Webhooks;

namespace Retention.Api.Tests.Webhooks;

public sealed class WebhookBodyTests
{
    private const string Secret = "hush";
    private static readonly byte[] Order = Fixtures.Bytes("shopify", "order_450789469.json");
    private static readonly string Signature = WebhookSignature.Compute(Order, Secret);

    private static string CodeOf(ProblemHttpResult? problem)
    {
        Assert.NotNull(problem);
        Assert.Equal(401, problem.StatusCode);
        return Assert.IsType<string>(problem.ProblemDetails.Extensions["code"]);
    }

    [Theory]
    [InlineData("X-Shopify-Hmac-Sha256")]
    [InlineData("x-shopify-hmac-sha256")]
    [InlineData("X-SHOPIFY-HMAC-SHA256")]
    [InlineData("Shopify-Hmac-Sha256")]
    [InlineData("shopify-hmac-sha256")]
    public void Verify_SignatureHeaderInAnyCaseWithOrWithoutPrefix_Accepted(string header)
    {
        var request = Fixtures.Request(Order, (header, Signature));

        Assert.Null(WebhookBody.Verify(request, Order, WebhookPlatform.Shopify, Secret));
    }

    [Theory]
    [InlineData("X-WC-Webhook-Signature")]
    [InlineData("x-wc-webhook-signature")]
    [InlineData("WC-Webhook-Signature")]
    public void Verify_WooCommerceHeaderVariants_Accepted(string header)
    {
        var request = Fixtures.Request(Order, (header, Signature));

        Assert.Null(WebhookBody.Verify(request, Order, WebhookPlatform.WooCommerce, Secret));
    }

    [Fact]
    public void Verify_MissingHeader_MissingSignature()
    {
        Assert.Equal("missing-signature", CodeOf(WebhookBody.Verify(Fixtures.Request(Order), Order, WebhookPlatform.Shopify, Secret)));
    }

    [Fact]
    public void Verify_OtherPlatformsHeader_MissingSignature()
    {
        var request = Fixtures.Request(Order, ("X-WC-Webhook-Signature", Signature));

        Assert.Equal("missing-signature", CodeOf(WebhookBody.Verify(request, Order, WebhookPlatform.Shopify, Secret)));
    }

    [Fact]
    public void Verify_WrongSignature_InvalidSignature()
    {
        var request = Fixtures.Request(Order, ("X-Shopify-Hmac-Sha256", WebhookSignature.Compute(Order, "other secret")));

        Assert.Equal("invalid-signature", CodeOf(WebhookBody.Verify(request, Order, WebhookPlatform.Shopify, Secret)));
    }

    [Fact]
    public void Verify_TamperedBody_InvalidSignature()
    {
        var tampered = (byte[])Order.Clone();
        tampered[^2] ^= 0x20;

        var problem = WebhookBody.Verify(Fixtures.Request(tampered, ("X-Shopify-Hmac-Sha256", Signature)), tampered, WebhookPlatform.Shopify, Secret);

        Assert.Equal("invalid-signature", CodeOf(problem));
    }

    [Fact]
    public void Verify_HeaderSentTwice_MissingSignature()
    {
        var request = Fixtures.Request(Order, ("X-Shopify-Hmac-Sha256", Signature), ("X-Shopify-Hmac-Sha256", Signature));

        Assert.Equal("missing-signature", CodeOf(WebhookBody.Verify(request, Order, WebhookPlatform.Shopify, Secret)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_SecretNotSet_RefusesEvenAValidlySignedBody(string? secret)
    {
        var request = Fixtures.Request(Order, ("X-Shopify-Hmac-Sha256", WebhookSignature.Compute(Order, "")));

        var problem = WebhookBody.Verify(request, Order, WebhookPlatform.Shopify, secret);

        Assert.Equal("webhook-secret-not-set", CodeOf(problem));
        Assert.StartsWith("Shopify:WebhookSecret is not set", problem!.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WooCommerceSecretNotSet_NamesItsSetting()
    {
        var problem = WebhookBody.Verify(Fixtures.Request(Order), Order, WebhookPlatform.WooCommerce, "");

        Assert.StartsWith("WooCommerce:WebhookSecret is not set", problem!.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ProblemsNeverEchoTheSecretOrTheSignature()
    {
        var request = Fixtures.Request(Order, ("X-Shopify-Hmac-Sha256", "AAAA" + Signature[4..]));

        var problem = WebhookBody.Verify(request, Order, WebhookPlatform.Shopify, "s3cr€t/+=&\"");

        Assert.DoesNotContain("s3cr", problem!.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature[4..], problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BodyUpToTheLimit_ReturnsTheExactBytes()
    {
        var body = new byte[WebhookBody.MaxBytes];
        Random.Shared.NextBytes(body);

        var (read, problem) = await WebhookBody.ReadAsync(Fixtures.Request(body), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(body, read);
    }

    [Fact]
    public async Task ReadAsync_OneByteOverTheLimit_413()
    {
        var request = Fixtures.Request(new byte[WebhookBody.MaxBytes + 1]);
        request.ContentLength = null;

        var (read, problem) = await WebhookBody.ReadAsync(request, CancellationToken.None);

        Assert.Null(read);
        Assert.Equal(413, problem!.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_413WithoutReading()
    {
        var request = Fixtures.Request([]);
        request.ContentLength = WebhookBody.MaxBytes + 1;

        var (_, problem) = await WebhookBody.ReadAsync(request, CancellationToken.None);

        Assert.Equal(413, problem!.StatusCode);
    }

    [Fact]
    public async Task ParseAsync_SignedEmptyBody_400EmptyBody()
    {
        var (document, problem) = await WebhookBody.ParseAsync(Fixtures.Request([]), [], CancellationToken.None);

        Assert.Null(document);
        Assert.Equal(400, problem!.StatusCode);
        Assert.Equal("empty-body", problem.ProblemDetails.Extensions["code"]);
    }

    [Fact]
    public async Task ParseAsync_VerifiedBytes_ParsedFromThoseBytes()
    {
        var request = Fixtures.Request([]);

        var (document, problem) = await WebhookBody.ParseAsync(request, Order, CancellationToken.None);

        using (document)
        {
            Assert.Null(problem);
            Assert.Equal(450789469, document!.RootElement.GetProperty("id").GetInt64());
        }
    }

    [Theory]
    [InlineData("webhook_id=12", true)]
    [InlineData("webhook_id=0", true)]
    [InlineData("webhook_id=", false)]
    [InlineData("webhook_id=12&x=1", false)]
    [InlineData("webhook_id=12\n", false)]
    [InlineData("{\"webhook_id\":12}", false)]
    [InlineData("", false)]
    public void IsWooCommercePing_OnlyTheFormBody(string body, bool expected)
    {
        Assert.Equal(expected, WebhookBody.IsWooCommercePing(Encoding.UTF8.GetBytes(body)));
    }
}
