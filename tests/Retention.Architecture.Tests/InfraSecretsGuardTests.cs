using System.ComponentModel.DataAnnotations;
using Retention.Application.Messages;
using Retention.Application.Rewards;

namespace Retention.Architecture.Tests;

/// <summary>
/// The development secrets are in the source code, so the app must refuse them on Azure (where App Service sets
/// <c>WEBSITE_SITE_NAME</c>) and accept them locally. The environment variable is process-wide: these tests run alone.
/// </summary>
[Collection(InfraProcessEnvironment.Name)]
public sealed class InfraSecretsGuardTests
{
    private const string AzureMarker = "WEBSITE_SITE_NAME";

    [Fact]
    public void MessagesOptions_DevelopmentSecretOnAzure_Refused()
    {
        var errors = OnAzure(() => Validate(new MessagesOptions()));

        Assert.Contains(errors, e => e.Contains("Messages:UnsubscribeSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void MessagesOptions_OwnSecretOnAzure_Accepted()
    {
        var errors = OnAzure(() => Validate(new MessagesOptions { UnsubscribeSecret = new string('k', 48) }));

        Assert.Empty(errors);
    }

    [Fact]
    public void MessagesOptions_DevelopmentSecretLocally_Accepted()
    {
        var errors = Locally(() => Validate(new MessagesOptions()));

        Assert.Empty(errors);
    }

    [Fact]
    public void RewardsOptions_DevelopmentSecretOnAzure_Refused()
    {
        var errors = OnAzure(() => Validate(new RewardsOptions()));

        Assert.Contains(errors, e => e.Contains("Rewards:CodeSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void RewardsOptions_OwnSecretOnAzure_Accepted()
    {
        var errors = OnAzure(() => Validate(new RewardsOptions { CodeSecret = new string('k', 48) }));

        Assert.Empty(errors);
    }

    [Fact]
    public void RewardsOptions_DevelopmentSecretLocally_Accepted()
    {
        var errors = Locally(() => Validate(new RewardsOptions()));

        Assert.Empty(errors);
    }

    private static List<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    private static T OnAzure<T>(Func<T> action) => With("func-retention-test", action);

    private static T Locally<T>(Func<T> action) => With(null, action);

    private static T With<T>(string? siteName, Func<T> action)
    {
        var before = Environment.GetEnvironmentVariable(AzureMarker);
        Environment.SetEnvironmentVariable(AzureMarker, siteName);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(AzureMarker, before);
        }
    }
}
