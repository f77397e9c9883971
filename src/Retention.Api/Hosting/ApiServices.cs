using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retention.Api.Endpoints;
using Retention.Application;
using Retention.Infrastructure;

namespace Retention.Api.Hosting;

/// <summary>Everything the API needs, registered the same way by the Functions app and the local host.</summary>
public static class ApiServices
{
    public static IServiceCollection AddRetentionApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRetentionApplication();
        services.AddRetentionInfrastructure(configuration);
        services.AddSingleton<IngestEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<ReportEndpoint>();
        services.AddSingleton<MessageEndpoints>();
        services.AddSingleton<RewardEndpoints>();
        services.AddSingleton<CustomerEndpoints>();
        services.AddOptions<DispatchOptions>()
            .Bind(configuration.GetSection(DispatchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<NightlyOptions>()
            .Bind(configuration.GetSection(NightlyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Webhooks.WebhookEndpoints>();
        services.AddOptions<Webhooks.ShopifyOptions>().Bind(configuration.GetSection(Webhooks.ShopifyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Webhooks.WooCommerceOptions>().Bind(configuration.GetSection(Webhooks.WooCommerceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EndpointGuard>();
        return services;
    }
}
