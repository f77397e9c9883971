using System.Xml.Linq;

namespace Retention.Architecture.Tests;

/// <summary>The layering from STYLE.md, checked on the project files so that it cannot drift.</summary>
public sealed class DependencyDirectionTests
{
    public static TheoryData<string, string[], string[]> Layers() => new()
    {
        // project, allowed project references, allowed package prefixes
        { "Retention.Domain", [], [] },
        { "Retention.Application", ["Retention.Domain"], ["Microsoft.Extensions."] },
        { "Retention.Infrastructure", ["Retention.Application"], ["Azure.", "Microsoft.Extensions.", "MailKit", "MimeKit", "ScottPlot"] },
        { "Retention.Api", ["Retention.Application", "Retention.Infrastructure"], ["NCrontab"] },
        { "Retention.Functions", ["Retention.Api"], ["Microsoft.Azure.Functions.Worker", "Microsoft.ApplicationInsights.WorkerService"] },
        { "Retention.DevServers", [], [] },
        { "Retention.Broker", [], ["AMQPNetLite"] },
        { "Retention.Cli", ["Retention.Api", "Retention.DevServers", "Retention.Broker"], ["System.CommandLine", "Spectre.Console", "Microsoft.Extensions.Hosting"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void ProjectFile_References_OnlyWhatItsLayerMay(string project, string[] allowedProjects, string[] allowedPackagePrefixes)
    {
        var xml = XDocument.Load(Repo.Path("src", project, project + ".csproj"));
        var projects = xml.Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/'))).ToArray();
        var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToArray();

        Assert.All(projects, p => Assert.Contains(p, allowedProjects));
        Assert.All(packages, p => Assert.True(allowedPackagePrefixes.Any(p.StartsWith), $"{project} must not reference package {p}."));
    }

    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseLibrary()
    {
        var references = typeof(Retention.Domain.Customers.CustomerId).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal), $"The domain must not reference {name}."));
    }

    [Fact]
    public void ApplicationAssembly_DoesNotKnowAzureOrHttp()
    {
        var references = typeof(Retention.Application.Ports.IOrderLedger).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("Azure", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void TableEntities_NeverLeaveInfrastructure()
    {
        var infrastructure = typeof(Retention.Infrastructure.InfrastructureServices).Assembly;

        var leaking = infrastructure.GetExportedTypes()
            .SelectMany(t => t.GetMethods().Select(m => m.ReturnType).Concat(t.GetProperties().Select(p => p.PropertyType)))
            .Where(t => t.Namespace?.StartsWith("Azure", StringComparison.Ordinal) == true);

        Assert.Empty(leaking);
    }
}
