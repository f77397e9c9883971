using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Retention.Infrastructure.Storage;

namespace Retention.Architecture.Tests;

/// <summary>
/// Storage on Azure has shared keys off (infra/modules/storage.bicep), so the app reaches its tables through
/// <c>Storage:TableEndpoint</c> with a token. Nothing here asks for a token: clients are only built and inspected.
/// </summary>
public sealed class InfraStorageIdentityTests
{
    private const string Endpoint = "https://stretention.table.core.windows.net/";

    [Fact]
    public void StorageOptions_TableEndpointBesideTheDefaultConnectionString_IsValid()
    {
        var errors = Validate(new StorageOptions { TableEndpoint = Endpoint, ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001" });

        Assert.Empty(errors);
    }

    [Fact]
    public void StorageOptions_TableEndpointAndAnotherConnectionString_Refused()
    {
        var errors = Validate(new StorageOptions { TableEndpoint = Endpoint, ConnectionString = "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==" });

        Assert.Contains(errors, e => e.Contains("either Storage:ConnectionString or Storage:TableEndpoint", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://stretention.table.core.windows.net")]
    [InlineData("stretention.table.core.windows.net")]
    [InlineData("https://stretention.table.core.windows.net/?sv=2024")]
    public void StorageOptions_TableEndpointNotAnHttpsAddress_Refused(string endpoint)
    {
        var errors = Validate(new StorageOptions { TableEndpoint = endpoint });

        Assert.Contains(errors, e => e.Contains("Storage:TableEndpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void RetentionTables_WithTableEndpoint_UseThatAccount()
    {
        using var tables = Create(new StorageOptions { TableEndpoint = Endpoint, TablePrefix = "shop" });

        Assert.Equal("stretention", tables.Service.AccountName);
        Assert.Equal(new Uri(Endpoint), tables.Service.Uri);
        Assert.Equal("stretention", tables.Probe.AccountName);
        Assert.Equal("shopcustomers", tables.Table("Customers").Name);
    }

    [Fact]
    public void RetentionTables_WithoutTableEndpoint_UseTheConnectionString()
    {
        using var tables = Create(new StorageOptions());

        Assert.Equal("devstoreaccount1", tables.Service.AccountName);
    }

    private static List<string> Validate(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    /// <summary>RetentionTables is internal to the infrastructure; reflection keeps it so.</summary>
    private static TablesHandle Create(StorageOptions options)
    {
        var type = typeof(StorageOptions).Assembly.GetType("Retention.Infrastructure.Storage.RetentionTables", throwOnError: true)!;
        return new TablesHandle(Activator.CreateInstance(type, Options.Create(options))!);
    }

    private sealed class TablesHandle(object tables) : IDisposable
    {
        public TableServiceClient Service => (TableServiceClient)Property("Service");

        public TableServiceClient Probe => (TableServiceClient)Property("Probe");

        public TableClient Table(string name) => (TableClient)Property(name);

        public void Dispose() => ((IDisposable)tables).Dispose();

        private object Property(string name) => tables.GetType().GetProperty(name)!.GetValue(tables)!;
    }
}
