using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Retention.Api.Endpoints;
using Retention.Api.Tests.Support;

namespace Retention.Api.Tests.Endpoints;

public sealed class JsonBodyTests
{
    private const long MaxBytes = 64;

    private static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, bool allowEmpty = false) =>
        await JsonBody.ReadAsync(request, MaxBytes, allowEmpty, CancellationToken.None);

    private static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(string body, string? contentType = "application/json") =>
        await ReadAsync(Http.Request(Encoding.UTF8.GetBytes(body), contentType));

    private static string CodeOf(ProblemHttpResult? problem)
    {
        Assert.NotNull(problem);
        return Assert.IsType<string>(problem.ProblemDetails.Extensions["code"]);
    }

    /// <summary>A JSON object of exactly <paramref name="length"/> bytes.</summary>
    private static string ObjectOfLength(int length) => "{\"a\":\"" + new string('x', length - 8) + "\"}";

    [Fact]
    public async Task ReadAsync_JsonObject_ReturnsTheDocument()
    {
        var (document, problem) = await ReadAsync("{\"a\":1}");

        using (document)
        {
            Assert.Null(problem);
            Assert.NotNull(document);
            Assert.Equal(1, document.RootElement.GetProperty("a").GetInt32());
        }
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_413WithoutReadingTheBody()
    {
        var request = Http.Request(Encoding.UTF8.GetBytes("{}"));
        request.ContentLength = MaxBytes + 1;

        var (document, problem) = await ReadAsync(request);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem?.StatusCode);
        Assert.Equal("body-too-large", CodeOf(problem));
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task ReadAsync_NoContentLengthAndBodyOverTheLimit_413()
    {
        var request = Http.Request(Encoding.UTF8.GetBytes(ObjectOfLength((int)MaxBytes + 1)), sendContentLength: false);

        var (document, problem) = await ReadAsync(request);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem?.StatusCode);
        Assert.Equal("body-too-large", CodeOf(problem));
    }

    [Fact]
    public async Task ReadAsync_ContentLengthUnderstatingTheBody_413()
    {
        var request = Http.Request(Encoding.UTF8.GetBytes(ObjectOfLength(10_000)));
        request.ContentLength = 10;

        var (_, problem) = await ReadAsync(request);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem?.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOfExactlyTheLimit_Accepted(bool sendContentLength)
    {
        var body = Encoding.UTF8.GetBytes(ObjectOfLength((int)MaxBytes));

        var (document, problem) = await ReadAsync(Http.Request(body, sendContentLength: sendContentLength));

        using (document)
        {
            Assert.Equal(MaxBytes, body.Length);
            Assert.Null(problem);
            Assert.NotNull(document);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/json")]
    [InlineData("application/xml")]
    [InlineData("application/jsonp")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("json")]
    [InlineData("")]
    public async Task ReadAsync_NotJsonMediaType_415(string contentType)
    {
        var (document, problem) = await ReadAsync("{\"a\":1}", contentType);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, problem?.StatusCode);
        Assert.Equal("unsupported-media-type", CodeOf(problem));
    }

    [Fact]
    public async Task ReadAsync_NoContentType_415SayingNone()
    {
        var (_, problem) = await ReadAsync("{\"a\":1}", contentType: null);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, problem?.StatusCode);
        Assert.Equal("Send Content-Type: application/json (UTF-8); got 'none'.", problem?.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=utf8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/problem+json")]
    [InlineData("application/vnd.retention.v1+json; charset=utf-8")]
    public async Task ReadAsync_JsonMediaType_Accepted(string contentType)
    {
        var (document, problem) = await ReadAsync("{\"a\":1}", contentType);

        using (document)
        {
            Assert.Null(problem);
            Assert.NotNull(document);
        }
    }

    [Fact]
    public async Task ReadAsync_EmptyBodyNotAllowed_400()
    {
        var (document, problem) = await ReadAsync(Http.Request([]));

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status400BadRequest, problem?.StatusCode);
        Assert.Equal("empty-body", CodeOf(problem));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task ReadAsync_EmptyBodyAllowed_NoDocumentAndNoProblem(string? contentType)
    {
        var (document, problem) = await ReadAsync(Http.Request([], contentType), allowEmpty: true);

        Assert.Null(document);
        Assert.Null(problem);
    }

    [Fact]
    public async Task ReadAsync_NonEmptyBodyWhereEmptyIsAllowed_StillParsed()
    {
        var (document, problem) = await ReadAsync(Http.Request(Encoding.UTF8.GetBytes("{\"reason\":\"x\"}")), allowEmpty: true);

        using (document)
        {
            Assert.Null(problem);
            Assert.Equal("x", document?.RootElement.GetProperty("reason").GetString());
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D })]
    public async Task ReadAsync_InvalidUtf8_400(byte[] body)
    {
        var (document, problem) = await ReadAsync(Http.Request(body));

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status400BadRequest, problem?.StatusCode);
        Assert.Equal("invalid-json", CodeOf(problem));
        Assert.Equal("The body is not valid UTF-8.", problem?.ProblemDetails.Detail);
    }

    [Fact]
    public async Task ReadAsync_Utf8ByteOrderMark_Skipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"name\":\"Zoë\"}")];

        var (document, problem) = await ReadAsync(Http.Request(body));

        using (document)
        {
            Assert.Null(problem);
            Assert.Equal("Zoë", document?.RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task ReadAsync_NestedToTheMaximumDepth_Accepted()
    {
        var json = new string('[', JsonBody.MaxDepth) + new string(']', JsonBody.MaxDepth);

        var (document, problem) = await JsonBody.ReadAsync(Http.Request(Encoding.UTF8.GetBytes(json)), 1024, false, CancellationToken.None);

        using (document)
        {
            Assert.Null(problem);
            Assert.NotNull(document);
        }
    }

    [Fact]
    public async Task ReadAsync_NestedDeeperThan32_400()
    {
        var json = new string('[', JsonBody.MaxDepth + 1) + new string(']', JsonBody.MaxDepth + 1);

        var (document, problem) = await JsonBody.ReadAsync(Http.Request(Encoding.UTF8.GetBytes(json)), 1024, false, CancellationToken.None);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status400BadRequest, problem?.StatusCode);
        Assert.Equal("invalid-json", CodeOf(problem));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"a\":1}")]
    [InlineData("{\"o\":{\"k\":true,\"k\":false}}")]
    [InlineData("[{\"k\":1,\"k\":null}]")]
    [InlineData("{\"a\":1,\"\\u0061\":2}")]
    public async Task ReadAsync_DuplicateProperty_400(string json)
    {
        var (document, problem) = await ReadAsync(json);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status400BadRequest, problem?.StatusCode);
        Assert.Equal("invalid-json", CodeOf(problem));
    }

    [Theory]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} // comment")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    [InlineData("{\"a\":")]
    [InlineData("hello")]
    [InlineData("{\"a\":NaN}")]
    public async Task ReadAsync_NotStrictJson_400(string json)
    {
        var (document, problem) = await ReadAsync(json);

        Assert.Null(document);
        Assert.Equal(StatusCodes.Status400BadRequest, problem?.StatusCode);
        Assert.Equal("invalid-json", CodeOf(problem));
    }

    [Fact]
    public async Task ReadAsync_BodyLargerThanOneReadChunk_ReadCompletely()
    {
        var json = ObjectOfLength(200_000);

        var (document, problem) = await JsonBody.ReadAsync(
            Http.Request(Encoding.UTF8.GetBytes(json), sendContentLength: false), 200_000, false, CancellationToken.None);

        using (document)
        {
            Assert.Null(problem);
            Assert.Equal(200_000 - 8, document?.RootElement.GetProperty("a").GetString()?.Length);
        }
    }
}
