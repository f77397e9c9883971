using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Application;
using Retention.Application.Ports;
using Retention.Infrastructure;

namespace Retention.Cli.Commands;

/// <summary>
/// The services the one-shot commands (nightly, report, import) use: the same use cases and storage as the API,
/// configured from environment variables (<c>Storage__ConnectionString</c>, <c>Store__TimeZone</c>, ...).
/// </summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> StartAsync(CancellationToken cancellationToken, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        configure?.Invoke(builder);
        var configuration = builder.Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddRetentionApplication()
            .AddRetentionInfrastructure(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<Infrastructure.Storage.StorageOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await provider.DisposeAsync();
            throw new CliException(string.Join(" ", ex.Failures));
        }
        if (!await provider.GetRequiredService<IStorageProbe>().IsReachableAsync(cancellationToken))
        {
            await provider.DisposeAsync();
            throw new CliException(string.IsNullOrEmpty(configuration["Storage:ConnectionString"])
                ? "Cannot reach storage: no Azurite answers on 127.0.0.1:10002. Start one with './retention up' in another terminal, or set Storage__ConnectionString."
                : "Cannot reach the storage account in Storage__ConnectionString. Check the connection string and the network.");
        }
        return provider;
    }
}
