using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Retention.Architecture.Tests;

/// <summary>
/// infra/ compiles and lints clean with the Bicep CLI from NuGet, and the compiled ARM template keeps the promises of
/// issue 9: identity everywhere, no keys, least-privilege roles, the queue's duplicate detection, Flex Consumption on the
/// .NET the app targets. Nothing here needs Azure.
/// </summary>
public sealed partial class InfraTemplateTests
{
    /// <summary>
    /// Role definition id → name, for every role the template may assign; rbac.bicep says why each is needed and why it
    /// is the narrowest that works. Anything else (Owner, Contributor, Storage Account Contributor, Service Bus Data
    /// Owner, Storage Queue Data Contributor, ...) fails the test.
    /// </summary>
    private static readonly Dictionary<string, string> AllowedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Azure Service Bus Data Sender",
        ["4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0"] = "Azure Service Bus Data Receiver",
        ["09976791-48a7-449e-bb21-39d1a415f350"] = "Communication and Email Service Owner",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
    };

    /// <summary>What the app's identity must hold for the app to work at all.</summary>
    private static readonly string[] RolesTheAppNeeds =
    [
        "Storage Table Data Contributor", "Storage Blob Data Owner", "Azure Service Bus Data Sender", "Azure Service Bus Data Receiver",
        "Communication and Email Service Owner", "Monitoring Metrics Publisher", "Key Vault Secrets User",
    ];

    [Fact]
    public void Bicep_Build_CompilesWithoutErrorsOrWarnings()
    {
        var build = InfraBicep.Build;

        Assert.True(build.ExitCode == 0, $"bicep build failed:\n{build.Diagnostics}");
        Assert.Empty(build.DiagnosticLines);
    }

    [Fact]
    public void Bicep_Lint_ReportsNothing()
    {
        var lint = InfraBicep.Run("lint", InfraBicep.MainFile);

        Assert.True(lint.ExitCode == 0, $"bicep lint failed:\n{lint.Diagnostics}");
        Assert.Empty(lint.DiagnosticLines);
    }

    [Theory]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("secure-parameter-default")]
    [InlineData("secure-params-in-nested-deploy")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("no-hardcoded-location")]
    public void BicepConfig_SecurityRules_AreErrors(string rule)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Repo.Path("infra", "bicepconfig.json")));

        var level = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules").GetProperty(rule).GetProperty("level").GetString();

        Assert.Equal("error", level);
    }

    [Fact]
    public void BicepFiles_UseOnlyLocalModules()
    {
        // Registry modules (br:, br/public:) and template specs (ts:) cannot be restored offline, so CI could not compile them.
        var files = Directory.GetFiles(Repo.Path("infra"), "*.bicep", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.DoesNotMatch(RemoteModule(), File.ReadAllText(file)));
    }

    [Fact]
    public void Template_NeverReadsKeysOrConnectionStrings()
    {
        var text = InfraBicep.Template.GetRawText();

        Assert.DoesNotMatch(KeyListing(), text);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("accesskey=", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Storage_SharedKeyOffTls12NoPublicBlobs()
    {
        var storage = InfraArm.Single("Microsoft.Storage/storageAccounts").Properties;

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void ServiceBus_StandardWithLocalAuthOff()
    {
        var serviceBus = InfraArm.Single("Microsoft.ServiceBus/namespaces");

        Assert.Equal("Standard", serviceBus.Element.GetProperty("sku").GetProperty("name").GetString());
        Assert.True(serviceBus.Properties.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal("1.2", serviceBus.Properties.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void Queue_DeduplicatesAndDeadLetters()
    {
        var queue = InfraArm.Single("Microsoft.ServiceBus/namespaces/queues").Properties;

        Assert.True(queue.GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.True(XmlConvert.ToTimeSpan(queue.GetProperty("duplicateDetectionHistoryTimeWindow").GetString()!) >= TimeSpan.FromHours(1));
        Assert.InRange(queue.GetProperty("maxDeliveryCount").GetInt32(), 3, 100);
        Assert.True(queue.GetProperty("deadLetteringOnMessageExpiration").GetBoolean());
    }

    [Fact]
    public void FunctionApp_RunsOnFlexConsumptionWithTheAppsDotnet()
    {
        var plan = InfraArm.Single("Microsoft.Web/serverfarms").Element.GetProperty("sku");
        var site = InfraArm.Single("Microsoft.Web/sites");
        var config = site.Properties.GetProperty("functionAppConfig");
        var runtime = config.GetProperty("runtime");
        // The runtime version follows the target framework (net10.0 → 10.0), so a framework bump cannot leave Azure behind.
        var framework = XDocument.Load(Repo.Path("Directory.Build.props")).Descendants("TargetFramework").Single().Value;

        Assert.Equal("FlexConsumption", plan.GetProperty("tier").GetString());
        Assert.Equal("FC1", plan.GetProperty("name").GetString());
        Assert.Equal("functionapp,linux", site.Element.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal(framework.Replace("net", "", StringComparison.Ordinal), runtime.GetProperty("version").GetString());
        Assert.Equal("UserAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
        Assert.True(site.Properties.GetProperty("httpsOnly").GetBoolean());
        Assert.True(site.Properties.TryGetProperty("keyVaultReferenceIdentity", out _), "Key Vault references need the user-assigned identity named.");
    }

    [Fact]
    public void FunctionApp_CarriesTheAzdServiceTagOfAzureYaml()
    {
        // azd deploys to the resource tagged azd-service-name: <service>; a renamed service would deploy nowhere.
        var yaml = File.ReadAllLines(Repo.Path("azure.yaml"));
        var services = Array.FindIndex(yaml, l => l.TrimEnd() == "services:");
        var service = yaml.Skip(services + 1).First(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')).Trim().TrimEnd(':');
        var project = yaml.Single(l => l.TrimStart().StartsWith("project:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var module = InfraArm.Single("Microsoft.Web/sites").Deployment!;

        Assert.Equal("functions", service);
        Assert.True(File.Exists(Path.Combine(Repo.Root, project, "Retention.Functions.csproj")), $"azure.yaml project {project} is not the Functions app.");
        Assert.Equal(service, ModuleParameter(module, "serviceName"));
        Assert.Contains("azd-service-name", InfraArm.Single("Microsoft.Web/sites").Element.GetProperty("tags").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Monitoring_AcceptsOnlyEntraAuthentication()
    {
        var insights = InfraArm.Single("Microsoft.Insights/components").Properties;
        var workspace = InfraArm.Single("Microsoft.OperationalInsights/workspaces").Properties;

        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(workspace.GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Email_CommunicationServicesAcceptOnlyEntraAndLinkTheManagedDomain()
    {
        var communication = InfraArm.Single("Microsoft.Communication/communicationServices").Properties;
        var domains = InfraArm.OfType("Microsoft.Communication/emailServices/domains").ToList();

        Assert.True(communication.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Contains(domains, d => d.Properties.GetProperty("domainManagement").GetString() == "AzureManaged");
        Assert.Contains("AzureManagedDomain", communication.GetProperty("linkedDomains").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVault_UsesRbacAndHoldsOnlySecureParameters()
    {
        var vault = InfraArm.Single("Microsoft.KeyVault/vaults");
        var secrets = InfraArm.OfType("Microsoft.KeyVault/vaults/secrets").ToList();

        Assert.True(vault.Properties.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.Equal(4, secrets.Count);
        Assert.All(secrets, secret =>
        {
            var parameter = InfraArm.SingleParameter(secret.Properties.GetProperty("value").GetString()!);
            Assert.NotNull(parameter);
            Assert.Equal("securestring", secret.Template.GetProperty("parameters").GetProperty(parameter).GetProperty("type").GetString());
        });
    }

    [Fact]
    public void MainTemplate_SecretParametersAreSecureWithoutDefaults()
    {
        var parameters = InfraBicep.Template.GetProperty("parameters");

        foreach (var name in new[] { "unsubscribeSecret", "codeSecret", "shopifyWebhookSecret", "wooCommerceWebhookSecret" })
        {
            var parameter = parameters.GetProperty(name);
            Assert.Equal("securestring", parameter.GetProperty("type").GetString());
            // The generated ones have none, so azd generates them once and keeps them; the webhook ones default to empty (off).
            Assert.True(!parameter.TryGetProperty("defaultValue", out var value) || value.GetString() == "", $"{name} has a default value.");
        }
    }

    [Fact]
    public void RoleAssignments_AreOnlyLeastPrivilegeRoles()
    {
        var assignments = InfraArm.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var roles = assignments.Select(a => InfraArm.RoleDefinitionGuid(a)).ToList();

        Assert.NotEmpty(assignments);
        Assert.All(roles, role => Assert.True(AllowedRoles.ContainsKey(role), $"Role {role} is not on the least-privilege list."));
    }

    [Fact]
    public void RoleAssignments_GiveTheAppIdentityEverythingItNeeds()
    {
        var appRoles = InfraArm.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.Properties.GetProperty("principalId").GetString() == "[parameters('appPrincipalId')]")
            .Select(a => AllowedRoles[InfraArm.RoleDefinitionGuid(a)])
            .ToList();

        Assert.Equal(RolesTheAppNeeds.Order(), appRoles.Order());
        Assert.All(InfraArm.OfType("Microsoft.Authorization/roleAssignments").Where(a => !a.Element.TryGetProperty("condition", out _)),
            a => Assert.Equal("[parameters('appPrincipalId')]", a.Properties.GetProperty("principalId").GetString()));
    }

    [Fact]
    public void RoleAssignments_ForTheDeployingUser_AreOptional()
    {
        var userAssignments = InfraArm.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.Properties.GetProperty("principalId").GetString() == "[parameters('userPrincipalId')]")
            .ToList();

        Assert.NotEmpty(userAssignments);
        Assert.All(userAssignments, a => Assert.Equal("[variables('forUser')]", a.Element.GetProperty("condition").GetString()));
        Assert.Equal("[not(empty(parameters('userPrincipalId')))]", userAssignments[0].Template.GetProperty("variables").GetProperty("forUser").GetString());
    }

    [Fact]
    public void Outputs_NameWhatAzdAndTheDocsUse()
    {
        var outputs = InfraBicep.Template.GetProperty("outputs");

        foreach (var name in new[]
        {
            "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "SERVICE_FUNCTIONS_ENDPOINT",
            "AZURE_KEY_VAULT_NAME", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE", "AZURE_COMMUNICATION_ENDPOINT",
            "AZURE_EMAIL_SENDER", "APPLICATIONINSIGHTS_CONNECTION_STRING",
        })
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"Output {name} is missing.");
        }
    }

    [Fact]
    public void ParametersFile_NamesOnlyTemplateParametersAndCoversTheRequiredOnes()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Repo.Path("infra", "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        var declared = InfraBicep.Template.GetProperty("parameters").EnumerateObject().ToList();
        // azd asks once for the store's own details (saved in .azure/<env>/config.json) and generates the secrets.
        var askedOrGenerated = new[] { "storeName", "shopUrl", "postalAddress", "unsubscribeSecret", "codeSecret" };

        Assert.All(given, name => Assert.Contains(declared, p => p.Name == name));
        Assert.Equal(["${AZURE_ENV_NAME}", "${AZURE_LOCATION}", "${AZURE_PRINCIPAL_ID}"],
            new[] { "environmentName", "location", "principalId" }.Select(n => file.RootElement.GetProperty("parameters").GetProperty(n).GetProperty("value").GetString()));
        Assert.All(declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)),
            p => Assert.True(given.Contains(p.Name) || askedOrGenerated.Contains(p.Name), $"Parameter {p.Name} has no value and no default."));
        Assert.All(new[] { "unsubscribeSecret", "codeSecret" }, name => Assert.Equal("generate",
            InfraBicep.Template.GetProperty("parameters").GetProperty(name).GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString()));
    }

    private static string ModuleParameter(ArmResource deployment, string name) =>
        deployment.Properties.GetProperty("parameters").GetProperty(name).GetProperty("value").GetString()!;

    [GeneratedRegex(@"module\s+\w+\s+'(br|ts)[:/]", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteModule();

    [GeneratedRegex(@"\blist(Keys|ConnectionStrings|Secrets|AccountSas|ServiceSas|Credentials?)\(", RegexOptions.IgnoreCase)]
    private static partial Regex KeyListing();
}
