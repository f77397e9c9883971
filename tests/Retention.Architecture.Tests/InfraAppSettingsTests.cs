using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Retention.Api.Hosting;
using Retention.Application;
using Retention.Application.Email;
using Retention.Application.Messages;
using Retention.Application.Reports;
using Retention.Application.Rewards;
using Retention.Infrastructure.Email;
using Retention.Infrastructure.Messaging;
using Retention.Infrastructure.Storage;

namespace Retention.Architecture.Tests;

/// <summary>
/// The Function App's app settings (infra/modules/functionapp.bicep, compiled) against the configuration the code reads:
/// every name is a key an Options class binds, everything the app needs on Azure is there, secrets are Key Vault
/// references, and the parameters' defaults are the code's defaults.
/// </summary>
public sealed partial class InfraAppSettingsTests
{
    /// <summary>Read by the Functions host and the Application Insights SDK, not by our Options classes.</summary>
    private static readonly string[] HostSettings =
    [
        "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>
    /// What the app needs on Azure beyond what is derived below (timer schedules from functions.metadata, programme
    /// switches from RewardsOptions, local-only defaults from the Options classes), each because the code's default
    /// only works on a developer's machine or is the demo store's.
    /// </summary>
    private static readonly string[] RequiredOnAzure =
    [
        .. HostSettings,
        // StorageOptions: the default is Azurite; shared keys are off, so the endpoint with the user-assigned identity.
        "Storage__TableEndpoint", "Storage__ManagedIdentityClientId",
        // ServiceBusOptions: with neither a connection string nor a namespace, messaging is off.
        "ServiceBus__FullyQualifiedNamespace", "ServiceBus__ManagedIdentityClientId", "ServiceBus__QueueName",
        // The email provider defaults to SMTP on 127.0.0.1; ACS needs its endpoint and the identity.
        "Email__Provider", "Email__Acs__Endpoint", "Email__Acs__ManagedIdentityClientId", "Email__From",
        // MessagesOptions: unsubscribe links must point at the app; the development secret is refused on Azure.
        "Messages__PublicBaseUrl", "Messages__UnsubscribeSecret", "Messages__DefaultLocale",
        // RewardsOptions: the development code secret is refused on Azure.
        "Rewards__CodeSecret",
        // BrandOptions: the defaults are the demo store's, and marketing email must carry the real postal address.
        "Brand__Name", "Brand__ShopUrl", "Brand__PostalAddress",
        // StoreOptions and ReportEmailOptions: the store's calendar and currency, and who gets the nightly report.
        "Store__TimeZone", "Store__Currency", "Report__Recipients",
        // The webhook secrets exist (empty until given), so there is one place to fill them in.
        "Shopify__WebhookSecret", "WooCommerce__WebhookSecret",
    ];

    /// <summary>Local-only defaults that Azure replaces with another setting, or that the Azure configuration does not use.</summary>
    private static readonly Dictionary<string, string> ReplacedOnAzure = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:ConnectionString"] = "Storage__TableEndpoint",
        ["Api:Key"] = "(the Functions host checks its own function keys)",
        ["Email:Smtp:Host"] = "Email__Provider=acs",
    };

    /// <summary>Keys read directly from configuration rather than through an Options property.</summary>
    private static readonly string[] KeysReadDirectly = [EmailServices.ProviderSetting];

    /// <summary>Flex Consumption rejects these (its runtime and package come from functionAppConfig).</summary>
    private static readonly string[] RejectedByFlex =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "AzureWebJobsStorage", "WEBSITE_NODE_DEFAULT_VERSION",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Settings = new(InfraArm.AppSettings);

    private static readonly Lazy<ArmResource> SettingsResource = new(() =>
        InfraArm.OfType("Microsoft.Web/sites/config").Single(r => r.Name.Contains("'appsettings'", StringComparison.Ordinal)));

    /// <summary>Every Options class with a <c>Section</c> constant in the projects the Functions app runs: section → type.</summary>
    private static readonly Dictionary<string, Type> Sections =
        new[] { typeof(StoreOptions).Assembly, typeof(StorageOptions).Assembly, typeof(NightlyOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void AppSettings_IncludeEverythingTheAppNeedsOnAzure()
    {
        Assert.All(RequiredOnAzure, name => Assert.True(Settings.Value.ContainsKey(name), $"App setting {name} is missing."));
    }

    [Fact]
    public void AppSettings_NameOnlyKeysTheCodeReads()
    {
        foreach (var name in Settings.Value.Keys.Except(HostSettings))
        {
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(KeysReadDirectly.Contains(key, StringComparer.OrdinalIgnoreCase) || BoundProperty(key) is not null,
                $"App setting {name} is not a key any Options class binds ({key}).");
        }
    }

    [Fact]
    public void OptionsClasses_LocalOnlyDefaults_AreReplacedOnAzure()
    {
        var localOnly = LocalOnlyDefaults().ToList();

        Assert.NotEmpty(localOnly);
        Assert.All(localOnly, key => Assert.True(
            Settings.Value.ContainsKey(key.Replace(":", "__", StringComparison.Ordinal)) || ReplacedOnAzure.ContainsKey(key),
            $"{key} defaults to a value for this machine only, and the app settings do not set it."));
        Assert.Equal("acs", Settings.Value["Email__Provider"]);
    }

    [Fact]
    public void AppSettings_SetEveryTimerScheduleTheFunctionsBind()
    {
        // %Nightly:Schedule% in a trigger is resolved by the Functions host from app settings; missing, the function cannot load.
        var metadata = File.ReadAllText(Repo.Path("src", "Retention.Functions", "bin", Repo.Configuration, "net10.0", "functions.metadata"));
        var bound = BindingExpression().Matches(metadata).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("Nightly:Schedule", bound);
        Assert.Contains("Dispatch:Schedule", bound);
        Assert.All(bound, key => Assert.True(Settings.Value.ContainsKey(key.Replace(":", "__", StringComparison.Ordinal)), $"%{key}% has no app setting."));
    }

    [Fact]
    public void AppSettings_SwitchEveryProgrammeWithAParameterThatDefaultsToOff()
    {
        var programmes = typeof(RewardsOptions).GetProperties()
            .Where(p => p.PropertyType.GetProperty("Enabled")?.PropertyType == typeof(bool))
            .Select(p => p.Name)
            .ToList();

        Assert.Equal(9, programmes.Count);
        Assert.All(programmes, programme =>
        {
            var name = $"Rewards__{programme}__Enabled";
            Assert.True(Settings.Value.TryGetValue(name, out var value), $"{name} is missing.");
            var main = InfraArm.DefaultOf(SettingsResource.Value, value!);
            Assert.True(main is { ValueKind: JsonValueKind.False }, $"{name} must come from a bool parameter that defaults to false.");
        });
    }

    [Fact]
    public void AppSettings_SecretsAreKeyVaultReferencesOnly()
    {
        var secrets = Settings.Value.Where(s => SecretName().IsMatch(s.Key) && s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING").ToList();
        var parameters = SettingsResource.Value.Template.GetProperty("parameters");

        Assert.Equal(4, secrets.Count);
        Assert.All(secrets, s => Assert.Contains("@Microsoft.KeyVault(", s.Value, StringComparison.Ordinal));
        Assert.All(Settings.Value, s => Assert.All(ParameterNames().Matches(s.Value).Select(m => m.Groups[1].Value),
            p => Assert.NotEqual("securestring", parameters.GetProperty(p).GetProperty("type").GetString())));
        // The connection string names the resource, not a key: local authentication is off, sending needs an Entra token.
        Assert.Contains("Authorization=AAD", Settings.Value["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_HostStorageUsesTheIdentity()
    {
        Assert.Equal("managedidentity", Settings.Value["AzureWebJobsStorage__credential"]);
        Assert.All(RejectedByFlex, name => Assert.False(Settings.Value.ContainsKey(name), $"{name} must not be set on Flex Consumption."));
    }

    [Theory]
    [MemberData(nameof(CodeDefaults))]
    public void Parameters_DefaultToTheCodesDefaults(string setting, string codeDefault)
    {
        var main = InfraArm.DefaultOf(SettingsResource.Value, Settings.Value[setting]);

        Assert.True(main is not null, $"{setting} does not come from a main.bicep parameter with a default.");
        Assert.Equal(codeDefault, main.Value.ToString());
    }

    public static TheoryData<string, string> CodeDefaults() => new()
    {
        { "Nightly__Schedule", new NightlyOptions().Schedule },
        { "Dispatch__Schedule", new DispatchOptions().Schedule },
        { "Store__TimeZone", new StoreOptions().TimeZone },
        { "Store__Currency", new StoreOptions().Currency },
        { "Report__Recipients", new ReportEmailOptions().Recipients },
        { "Report__Locale", new ReportEmailOptions().Locale },
        { "Messages__DefaultLocale", new MessagesOptions().DefaultLocale },
        { "Messages__BudgetPerRun", new MessagesOptions().BudgetPerRun.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { "Rewards__HoldoutPercent", new RewardsOptions().HoldoutPercent.ToString("0", System.Globalization.CultureInfo.InvariantCulture) },
    };

    [Fact]
    public void Queue_IsTheOneTheCodeUses()
    {
        var queueName = InfraBicep.Template.GetProperty("variables").GetProperty("queueName").GetString();

        Assert.Equal(new ServiceBusOptions().QueueName, queueName);
    }

    [Fact]
    public void ParametersFile_AzdDefaultsMatchTheTemplate()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Repo.Path("infra", "main.parameters.json")));
        var parameters = InfraBicep.Template.GetProperty("parameters");

        foreach (var given in file.RootElement.GetProperty("parameters").EnumerateObject())
        {
            if (AzdDefault().Match(given.Value.GetProperty("value").GetString()!) is { Success: true } match
                && parameters.GetProperty(given.Name).TryGetProperty("defaultValue", out var templateDefault))
            {
                Assert.Equal(templateDefault.ToString().ToLowerInvariant(), match.Groups[1].Value.ToLowerInvariant());
            }
        }
    }

    /// <summary>The Options property a configuration key binds (case-insensitive, like the binder), or null.</summary>
    private static PropertyInfo? BoundProperty(string key)
    {
        var section = Sections.Keys.Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)).MaxBy(s => s.Length);
        if (section is null)
        {
            return null;
        }
        var type = Sections[section];
        PropertyInfo? property = null;
        foreach (var part in key[(section.Length + 1)..].Split(':'))
        {
            property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return null;
            }
            type = property.PropertyType;
        }
        return property;
    }

    /// <summary>Options keys whose default points at this machine or the demo store: <c>Section:Property</c>.</summary>
    private static IEnumerable<string> LocalOnlyDefaults()
    {
        foreach (var (section, type) in Sections)
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }
            var options = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType == typeof(string)))
            {
                if (property.GetValue(options) is string value && LocalOnly().IsMatch(value))
                {
                    yield return $"{section}:{property.Name}";
                }
            }
        }
    }

    [GeneratedRegex(@"%([A-Za-z0-9_:.]+)%")]
    private static partial Regex BindingExpression();

    [GeneratedRegex("(Secret|Password|ConnectionString|AccessKey|CONNECTION_STRING)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterNames();

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+=(.*)\}$")]
    private static partial Regex AzdDefault();

    [GeneratedRegex(@"127\.0\.0\.1|localhost|\.local\b|UseDevelopmentStorage|local-dev|demo", RegexOptions.IgnoreCase)]
    private static partial Regex LocalOnly();
}
