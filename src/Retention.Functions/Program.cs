using Microsoft.ApplicationInsights;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Retention.Api.Hosting;
using Retention.Infrastructure.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Telemetry straight from the worker (requests, dependencies, our logs, custom metrics), signed in with the app's
// identity through APPLICATIONINSIGHTS_AUTHENTICATION_STRING (the resource accepts no instrumentation key alone).
builder.Services.AddApplicationInsightsTelemetryWorkerService();
builder.Services.ConfigureFunctionsApplicationInsights();

// The Application Insights logger provider comes with a rule that drops everything below Warning. Our Information logs
// (purchases received, dispatch runs, nightly snapshots) are what the dashboards and docs/deploy.md's queries read, so
// the rule goes; host.json and Logging:* settings still decide the levels.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName);
    if (warningOnly is not null)
    {
        options.Rules.Remove(warningOnly);
    }
});

RefuseUnresolvedKeyVaultReferences(builder.Configuration);
builder.Services.AddRetentionApi(builder.Configuration);

var host = builder.Build();

// Business metrics (IRetentionMetrics, meter "Retention") into Application Insights' pre-aggregated metrics: one
// customMetrics row per metric and minute, whatever the traffic, and never sampled away.
var telemetry = host.Services.GetRequiredService<TelemetryClient>();
using var metrics = RetentionMeterForwarder.Start((name, value) => telemetry.GetMetric(name).TrackValue(value));
// Flex Consumption stops idle instances: send the minute being aggregated before the host goes.
host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => telemetry.Flush());

host.Run();

// A Key Vault reference the platform could not resolve (role not yet effective, secret missing) reaches the app as its
// own text. Read as a key, that public text would sign unsubscribe links, coupon codes or webhooks anyone could forge:
// stop instead. The platform resolves the references again when the app restarts.
static void RefuseUnresolvedKeyVaultReferences(IConfiguration configuration)
{
    var unresolved = configuration.AsEnumerable()
        .Where(setting => setting.Value?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        .Select(setting => setting.Key)
        .ToList();
    if (unresolved.Count > 0)
    {
        throw new InvalidOperationException(
            $"These settings are Key Vault references that were not resolved: {string.Join(", ", unresolved)}. Check that the secret exists "
            + "and that the app's identity has Key Vault Secrets User on the vault (the Function App's Environment variables page shows the error).");
    }
}
