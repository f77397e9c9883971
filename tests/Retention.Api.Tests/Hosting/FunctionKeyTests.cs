using Microsoft.AspNetCore.Http;
using Retention.Api.Hosting;

namespace Retention.Api.Tests.Hosting;

public sealed class FunctionKeyTests
{
    private const string Key = "s3cret-function-key";

    private static HttpRequest Request(string? header = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers["x-functions-key"] = header;
        }
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }
        return context.Request;
    }

    [Theory]
    [InlineData(Key, true)]
    [InlineData("s3cret-function-kex", false)]
    [InlineData("S3CRET-FUNCTION-KEY", false)]
    [InlineData("s3cret-function-key ", false)]
    [InlineData(" s3cret-function-key", false)]
    [InlineData("s3cret", false)]
    [InlineData("s3cret-function-key-and-more", false)]
    [InlineData("", false)]
    public void Matches_PresentedKey_TrueOnlyForTheExactKey(string presented, bool expected)
    {
        Assert.Equal(expected, FunctionKey.Matches(presented, Key));
    }

    [Fact]
    public void Matches_NonAsciiKeys_ComparedByContent()
    {
        Assert.True(FunctionKey.Matches("clé-ü-🔑", "clé-ü-🔑"));
        Assert.False(FunctionKey.Matches("cle-u-🔑", "clé-ü-🔑"));
    }

    [Fact]
    public void IsPresentedIn_RightHeader_True()
    {
        Assert.True(FunctionKey.IsPresentedIn(Request(header: Key), Key));
    }

    [Fact]
    public void IsPresentedIn_HeaderNameInAnotherCase_True()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Functions-Key"] = Key;

        Assert.True(FunctionKey.IsPresentedIn(context.Request, Key));
    }

    [Fact]
    public void IsPresentedIn_WrongHeader_False()
    {
        Assert.False(FunctionKey.IsPresentedIn(Request(header: "wrong-key"), Key));
    }

    [Fact]
    public void IsPresentedIn_WrongHeaderAndRightQuery_FalseBecauseTheHeaderWins()
    {
        Assert.False(FunctionKey.IsPresentedIn(Request(header: "wrong-key", query: "?code=" + Key), Key));
    }

    [Fact]
    public void IsPresentedIn_RightHeaderAndWrongQuery_True()
    {
        Assert.True(FunctionKey.IsPresentedIn(Request(header: Key, query: "?code=wrong-key"), Key));
    }

    [Fact]
    public void IsPresentedIn_NoHeaderAndRightQuery_True()
    {
        Assert.True(FunctionKey.IsPresentedIn(Request(query: "?code=" + Key), Key));
    }

    [Fact]
    public void IsPresentedIn_EmptyHeaderAndRightQuery_FallsBackToTheQuery()
    {
        Assert.True(FunctionKey.IsPresentedIn(Request(header: "", query: "?code=" + Key), Key));
    }

    [Fact]
    public void IsPresentedIn_NoHeaderAndWrongQuery_False()
    {
        Assert.False(FunctionKey.IsPresentedIn(Request(query: "?code=wrong-key"), Key));
    }

    [Fact]
    public void IsPresentedIn_UrlEncodedQueryKey_Decoded()
    {
        Assert.True(FunctionKey.IsPresentedIn(Request(query: "?code=a%2Bb%3D%3D"), "a+b=="));
    }

    [Fact]
    public void IsPresentedIn_KeyInAnotherQueryParameter_False()
    {
        Assert.False(FunctionKey.IsPresentedIn(Request(query: "?key=" + Key), Key));
    }

    [Fact]
    public void IsPresentedIn_NothingPresented_False()
    {
        Assert.False(FunctionKey.IsPresentedIn(Request(), Key));
    }

    [Fact]
    public void IsPresentedIn_NothingPresentedAndEmptyExpectedKey_False()
    {
        Assert.False(FunctionKey.IsPresentedIn(Request(), ""));
        Assert.False(FunctionKey.IsPresentedIn(Request(header: "", query: "?code="), ""));
    }
}
