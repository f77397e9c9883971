using System.Text.Json;

namespace Retention.Architecture.Tests;

/// <summary>One resource of the compiled template, the template that declares it and the module deployment it is in (null: main).</summary>
internal sealed record ArmResource(string Symbol, JsonElement Element, JsonElement Template, ArmResource? Deployment)
{
    public string Type => Element.GetProperty("type").GetString()!;

    /// <summary>The name as compiled: a literal or an ARM expression such as <c>[format('{0}/{1}', parameters('name'), 'x')]</c>.</summary>
    public string Name => Element.GetProperty("name").GetString()!;

    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>The module's symbolic name in main.bicep (<c>functionApp</c>, <c>rbac</c>...); <c>main</c> for the main template.</summary>
    public string Module => Deployment is null ? "main" : Deployment.Symbol.Length > 0 ? Deployment.Symbol : Deployment.Name;

    /// <summary>Short, for assertion messages (the default record text would print whole templates).</summary>
    public override string ToString() => $"{Type} {Name} in {Module}";
}
