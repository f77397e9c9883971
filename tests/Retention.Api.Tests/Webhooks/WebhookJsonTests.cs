using System.Globalization;
using Retention.Api.Webhooks;

namespace Retention.Api.Tests.Webhooks;

public sealed class WebhookJsonTests
{
    [Theory]
    [InlineData("2017-03-22T19:28:08", "2017-03-22T19:28:08Z")]
    [InlineData("2017-03-22 19:28:08", "2017-03-22T19:28:08Z")]
    [InlineData("2017-03-22T19:28:08.5", "2017-03-22T19:28:08.5Z")]
    [InlineData("2017-03-22T19:28:08+02:00", "2017-03-22T17:28:08Z")]
    public void Utc_GmtFields_ReadAsUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), WebhookJson.Utc(text));
    }

    [Theory]
    [InlineData("2017-03-22")]
    [InlineData("2017-03-22T19:28:08\n")]
    [InlineData("yesterday")]
    public void Utc_OtherText_Null(string text)
    {
        Assert.Null(WebhookJson.Utc(text));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" \n\t ", null)]
    [InlineData("it broke", "it broke")]
    [InlineData("  it\r\nbroke \u0007 twice ", "it broke twice")]
    public void Reason_ControlCharactersAndRunsOfSpaceBecomeOneSpace(string? text, string? expected)
    {
        Assert.Equal(expected, WebhookJson.Reason(text));
    }

    [Fact]
    public void Reason_LongText_CutTo500WithoutSplittingASurrogatePair()
    {
        var text = new string('a', 499) + "😀" + new string('b', 20);

        var reason = WebhookJson.Reason(text)!;

        Assert.Equal(new string('a', 499), reason);
    }

    [Theory]
    [InlineData("598.94", true, 598.94)]
    [InlineData("-10.00", true, -10.00)]
    [InlineData("12", true, 12)]
    [InlineData("1e3", false, 0)]
    [InlineData("1,000.00", false, 0)]
    [InlineData(" 5", false, 0)]
    public void TryDecimal_PlainDecimalsOnly(string text, bool ok, double expected)
    {
        Assert.Equal(ok, WebhookJson.TryDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }
}
