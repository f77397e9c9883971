using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retention.Application;
using Retention.Application.Ports;
using Retention.Infrastructure.Email;
using Retention.Infrastructure.Storage;

namespace Retention.Infrastructure;

/// <summary>Registers the adapters for the application's ports, with their options validated at start.</summary>
public static class InfrastructureServices
{
    public static IServiceCollection AddRetentionInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Reports.ReportEmailOptions>()
            .Bind(configuration.GetSection(Application.Reports.ReportEmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Email.EmailOptions>()
            .Bind(configuration.GetSection(Application.Email.EmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Messages.MessagesOptions>()
            .Bind(configuration.GetSection(Application.Messages.MessagesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Rewards.RewardsOptions>()
            .Bind(configuration.GetSection(Application.Rewards.RewardsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Messages.BrandOptions>()
            .Bind(configuration.GetSection(Application.Messages.BrandOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Models.ModelOptions>()
            .Bind(configuration.GetSection(Application.Models.ModelOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Messaging.ServiceBusOptions>()
            .Bind(configuration.GetSection(Messaging.ServiceBusOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionTables>();
        services.AddSingleton<SummaryCache>();
        services.AddSingleton<IOrderLedger, TableOrderLedger>();
        services.AddSingleton<IStorageProbe, TableStorageProbe>();
        services.AddSingleton<ISnapshotStore, TableSnapshotStore>();
        services.AddSingleton<IReportEmailLedger, TableReportEmailLedger>();
        services.AddSingleton<IChartRenderer, Charts.ScottPlotChartRenderer>();
        services.AddSingleton<IMessageLedger, TableMessageLedger>();
        services.AddSingleton<IConsentStore, TableConsentStore>();
        services.AddSingleton<ILoyaltyStore, TableLoyaltyStore>();
        services.AddSingleton<IDecisionLog, TableDecisionLog>();
        services.AddSingleton<IStoreEraser, TableStoreEraser>();
        services.AddSingleton<IWebhookDeliveries, TableWebhookDeliveries>();
        services.AddSingleton<ICustomerPredictions, TablePredictionStore>();
        // TryAdd: a host may register its own metrics adapter first.
        services.TryAddSingleton<IRetentionMetrics, Telemetry.MeterRetentionMetrics>();
        services.AddSingleton<Messaging.ServiceBusConnection>();
        services.AddSingleton<IMessagePublisher, Messaging.ServiceBusMessagePublisher>();
        services.AddSingleton<IMessageInbox, Messaging.ServiceBusMessageInbox>();
        services.AddSingleton<IDeadLetterReader, Messaging.ServiceBusDeadLetterReader>();
        services.AddRetentionEmail(configuration);
        return services;
    }
}
