using Microsoft.Extensions.Options;
using Retention.Infrastructure.Email;

namespace Retention.Infrastructure.Tests.Email;

public sealed class AcsEmailOptionsTests
{
    private const string Key = "c2VjcmV0LWFjY2Vzcy1rZXktb2YtdGhlLXJlc291cmNl";

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key)]
    [InlineData("Endpoint=https://contoso.communication.azure.com/;AccessKey=" + Key + ";")]
    [InlineData("accesskey=" + Key + ";endpoint=https://contoso.communication.azure.com")]
    public void Validate_ConnectionString_Passes(string connectionString)
    {
        var options = new AcsEmailOptions { ConnectionString = connectionString };

        Assert.True(Validate(options).Succeeded, Validate(options).FailureMessage);
        Assert.True(AcsConnectionString.TryParse(connectionString, out var parsed, out _));
        Assert.Equal("contoso.communication.azure.com", parsed.Endpoint.Host);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccessKey);
    }

    [Fact]
    public void Validate_EndpointWithDefaults_PassesWithTheInlineCapableApiVersion()
    {
        var options = new AcsEmailOptions { Endpoint = "https://contoso.communication.azure.com" };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal("2025-09-01", options.ApiVersion);
        Assert.True(options.SupportsInlineAttachments);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
    }

    [Theory]
    [InlineData("2023-03-31", false)]
    [InlineData("2024-07-01-preview", true)]
    [InlineData("2025-01-15-preview", true)]
    [InlineData("2025-09-01", true)]
    public void SupportsInlineAttachments_ByApiVersion(string apiVersion, bool expected)
    {
        var options = new AcsEmailOptions { Endpoint = "https://contoso.communication.azure.com", ApiVersion = apiVersion };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(expected, options.SupportsInlineAttachments);
    }

    [Theory]
    [InlineData(null, null, "Email:Acs:ConnectionString (endpoint=https://<resource>.communication.azure.com/;accesskey=<key>) or Email:Acs:Endpoint")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key, "https://contoso.communication.azure.com", "either Email:Acs:ConnectionString (access key) or Email:Acs:Endpoint (Microsoft Entra ID), not both")]
    [InlineData("https://contoso.communication.azure.com", null, "Email:Acs:ConnectionString must have the form endpoint=")]
    [InlineData("endpoint=https://contoso.communication.azure.com/", null, "both parts are required")]
    [InlineData("endpoint=contoso;accesskey=" + Key, null, "Email:Acs:ConnectionString has an endpoint that is not an absolute URI")]
    [InlineData("endpoint=http://contoso.communication.azure.com/;accesskey=" + Key, null, "Email:Acs:ConnectionString has an endpoint that is not https")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not base64!", null, "Email:Acs:ConnectionString has an accesskey that is not valid base64")]
    [InlineData(null, "contoso.communication.azure.com", "Email:Acs:Endpoint must be an absolute https URI")]
    [InlineData(null, "http://contoso.communication.azure.com", "Email:Acs:Endpoint must be an absolute https URI")]
    public void Validate_BadConnectionStringOrEndpoint_FailsNamingTheSetting(string? connectionString, string? endpoint, string expected)
    {
        var result = Validate(new AcsEmailOptions { ConnectionString = connectionString, Endpoint = endpoint });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest", "Email:Acs:ApiVersion must look like 2025-09-01")]
    [InlineData("", "Email:Acs:ApiVersion must not be empty")]
    [InlineData("2025-13-45", "Email:Acs:ApiVersion must start with a valid date")]
    [InlineData("2021-10-01-preview", "Email:Acs:ApiVersion must be 2023-03-31 or later")]
    public void Validate_BadApiVersion_FailsNamingTheSetting(string apiVersion, string expected)
    {
        var result = Validate(new AcsEmailOptions { Endpoint = "https://contoso.communication.azure.com", ApiVersion = apiVersion });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void Validate_RequestTimeoutOutOfRange_FailsNamingTheSetting(int seconds)
    {
        var result = Validate(new AcsEmailOptions { Endpoint = "https://contoso.communication.azure.com", RequestTimeout = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains("Email:Acs:RequestTimeout must be between 00:00:01 and 00:05:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManagedIdentityClientIdWithConnectionString_Fails()
    {
        var result = Validate(new AcsEmailOptions
        {
            ConnectionString = "endpoint=https://contoso.communication.azure.com/;accesskey=" + Key,
            ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001",
        });

        Assert.True(result.Failed);
        Assert.Contains("Email:Acs:ManagedIdentityClientId applies only with Email:Acs:Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://contoso.communication.azure.com", "https://contoso.communication.azure.com/emails:send?api-version=2025-09-01")]
    [InlineData("https://contoso.communication.azure.com/", "https://contoso.communication.azure.com/emails:send?api-version=2025-09-01")]
    [InlineData("https://gateway.example/acs/", "https://gateway.example/acs/emails:send?api-version=2025-09-01")]
    public void SendUri_Endpoint_EmailsSendWithApiVersion(string endpoint, string expected) =>
        Assert.Equal(expected, AcsEmailSender.SendUri(new Uri(endpoint), "2025-09-01").AbsoluteUri);

    private static ValidateOptionsResult Validate(AcsEmailOptions options) =>
        new DataAnnotationValidateOptions<AcsEmailOptions>(Options.DefaultName).Validate(Options.DefaultName, options);
}
