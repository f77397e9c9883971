using Microsoft.Extensions.Options;
using Retention.Infrastructure.Email;

namespace Retention.Infrastructure.Tests.Email;

public sealed class SmtpEmailOptionsTests
{
    [Fact]
    public void Validate_Defaults_PassForTheLocalMailDev()
    {
        var options = new SmtpEmailOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(("127.0.0.1", 1025, SmtpSecurity.None), (options.Host, options.Port, options.SecurityMode));
    }

    [Theory]
    [InlineData("starttls", "StartTls")]
    [InlineData("SslOnConnect", "SslOnConnect")]
    [InlineData("Auto", "Auto")]
    public void Validate_SecurityAnyCase_Parsed(string security, string expected)
    {
        var options = new SmtpEmailOptions { Host = "smtp.azurecomm.net", Port = 587, Security = security };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(expected, options.SecurityMode.ToString());
    }

    [Theory]
    [InlineData("Host", "", "Email:Smtp:Host")]
    [InlineData("Port", "0", "Email:Smtp:Port must be from 1 to 65535")]
    [InlineData("Security", "Tls", "Email:Smtp:Security must be None, StartTls, SslOnConnect or Auto")]
    [InlineData("TimeoutSeconds", "0", "Email:Smtp:TimeoutSeconds")]
    [InlineData("UserName", "app", "Email:Smtp:Password is required when Email:Smtp:UserName is set")]
    [InlineData("Password", "secret", "Email:Smtp:UserName is required when Email:Smtp:Password is set")]
    public void Validate_BadSetting_FailsNamingIt(string property, string value, string expected)
    {
        var options = new SmtpEmailOptions();
        var info = typeof(SmtpEmailOptions).GetProperty(property)!;
        info.SetValue(options, info.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(SmtpEmailOptions options) =>
        new DataAnnotationValidateOptions<SmtpEmailOptions>(Options.DefaultName).Validate(Options.DefaultName, options);
}
