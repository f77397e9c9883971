using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Ingest;

namespace Retention.Application;

/// <summary>Registers the use cases. The ports they need are registered by the infrastructure.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddRetentionApplication(this IServiceCollection services)
    {
        services.AddSingleton<RecordPurchases>();
        services.AddSingleton<RecordRefund>();
        services.AddSingleton<CancelOrder>();
        services.AddSingleton<Reports.RetentionCalculator>();
        services.AddSingleton<Reports.GetRetentionReport>();
        services.AddSingleton<Nightly.RunNightly>();
        services.AddSingleton<Reports.SendReportEmail>();
        services.AddSingleton<Import.ImportPurchases>();
        services.AddSingleton<Messages.UnsubscribeTokens>();
        services.AddSingleton<Messages.EnqueueMessages>();
        services.AddSingleton<Messages.DispatchMessages>();
        services.AddSingleton<Messages.Unsubscribe>();
        services.AddSingleton<Messages.UpdateConsent>();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Rewards.RewardsOptions>>().Value
            .ToSettings(Domain.Amounts.CurrencyCode.Parse(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value.Currency)));
        services.AddSingleton<Rewards.DecisionPublisher>();
        services.AddSingleton<Rewards.CouponCodes>();
        services.AddSingleton<Rewards.ApplyRewards>();
        services.AddSingleton<Rewards.RunRewardRules>();
        services.AddSingleton<Rewards.GetBenefits>();
        services.AddSingleton<Customers.ExportCustomer>();
        services.AddSingleton<Customers.EraseCustomer>();
        services.AddSingleton<Customers.EraseStore>();
        services.AddSingleton<Models.FitCustomerModels>();
        return services;
    }
}
