using System.Text.Json;
using System.Text.RegularExpressions;

namespace Retention.Architecture.Tests;

/// <summary>
/// Reads the compiled ARM template: resources in the main template and in every module (nested deployments compile
/// inline), each with the template that declares it, so that <c>parameters('x')</c> and <c>variables('x')</c> can be
/// followed back to where their values come from.
/// </summary>
internal static partial class InfraArm
{
    public static IReadOnlyList<ArmResource> All { get; } = [.. Walk(InfraBicep.Template, null)];

    public static IEnumerable<ArmResource> OfType(string type) =>
        All.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public static ArmResource Single(string type)
    {
        var found = OfType(type).ToList();
        Assert.True(found.Count == 1, $"Expected one {type}, found {found.Count}.");
        return found[0];
    }

    /// <summary>The Function App's app settings: name → value as compiled (a literal or an ARM expression).</summary>
    public static IReadOnlyDictionary<string, string> AppSettings()
    {
        var config = OfType("Microsoft.Web/sites/config").Single(r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
        return config.Properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// Follows <c>parameters('x')</c> from a module up through the deployment that passes it to the main template's
    /// parameter, and returns that parameter's default value (null when it has none or the chain is not plain).
    /// </summary>
    public static JsonElement? DefaultOf(ArmResource inModule, string expression)
    {
        var template = inModule.Template;
        var deployment = inModule.Deployment;
        while (true)
        {
            var name = SingleParameter(expression);
            if (name is null)
            {
                return null;
            }
            if (deployment is null)
            {
                return template.GetProperty("parameters").GetProperty(name).TryGetProperty("defaultValue", out var value) ? value : null;
            }
            expression = deployment.Properties.GetProperty("parameters").GetProperty(name).GetProperty("value").GetString() ?? "";
            template = deployment.Template;
            deployment = deployment.Deployment;
        }
    }

    /// <summary>The one parameter an expression reads (<c>[parameters('x')]</c>, <c>[string(parameters('x'))]</c>), else null.</summary>
    public static string? SingleParameter(string expression)
    {
        var names = ParameterReference().Matches(expression).Select(m => m.Groups[1].Value).Distinct().ToList();
        return names.Count == 1 && !expression.Contains("variables(", StringComparison.Ordinal) ? names[0] : null;
    }

    /// <summary>A role definition GUID from <c>subscriptionResourceId(..., 'guid')</c> or <c>..., variables('roles').name)</c>.</summary>
    public static string RoleDefinitionGuid(ArmResource assignment)
    {
        var expression = assignment.Properties.GetProperty("roleDefinitionId").GetString()!;
        if (Guid().Match(expression) is { Success: true } literal)
        {
            return literal.Value.ToLowerInvariant();
        }
        var reference = VariableMember().Match(expression);
        Assert.True(reference.Success, $"Cannot read the role of {assignment.Name}: {expression}");
        var value = assignment.Template.GetProperty("variables").GetProperty(reference.Groups[1].Value).GetProperty(reference.Groups[2].Value).GetString()!;
        Assert.Matches(Guid(), value);
        return value.ToLowerInvariant();
    }

    private static IEnumerable<ArmResource> Walk(JsonElement template, ArmResource? deployment)
    {
        var resources = template.GetProperty("resources");
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name; older ones in an array.
        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => (Symbol: p.Name, Element: p.Value))
            : resources.EnumerateArray().Select(e => (Symbol: "", Element: e));
        foreach (var (symbol, element) in items)
        {
            if (element.TryGetProperty("existing", out var existing) && existing.GetBoolean())
            {
                continue;
            }
            var resource = new ArmResource(symbol, element, template, deployment);
            yield return resource;
            if (resource.Type == "Microsoft.Resources/deployments")
            {
                foreach (var nested in Walk(element.GetProperty("properties").GetProperty("template"), resource))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('([^']+)'\)\.(\w+)")]
    private static partial Regex VariableMember();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
