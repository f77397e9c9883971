using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Api.Endpoints;

namespace Retention.Api.Hosting;

/// <summary>
/// Serves the API's routes on Kestrel, the way the Functions host serves them on Azure: same handlers, same
/// key check (<c>x-functions-key</c> or <c>?code=</c>), same problem responses. Used by <c>retention up</c>,
/// the integration tests and the benchmark.
/// </summary>
public static class LocalApiHost
{
    /// <summary>Builds the host; start it with <c>StartAsync</c>/<c>RunAsync</c>.</summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:7071</c>.</param>
    /// <param name="settings">Settings that override environment variables (Storage:ConnectionString, Api:Key, ...).</param>
    /// <param name="minimumLogLevel">Console log level; tests and benchmarks use Warning.</param>
    /// <param name="configureServices">Replaces services after the defaults (tests put a fake clock here).</param>
    public static WebApplication Build(
        string url,
        IEnumerable<KeyValuePair<string, string?>> settings,
        LogLevel minimumLogLevel = LogLevel.Information,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = IngestEndpoints.MaxBatchBytes + (1L << 20));
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRetentionApi(builder.Configuration);
        if (builder.Configuration.GetValue(NightlyOptions.Section + ":" + nameof(NightlyOptions.RunOnLocalHost), true))
        {
            builder.Services.AddHostedService<NightlyScheduler>();
        }
        if (builder.Configuration.GetValue(DispatchOptions.Section + ":" + nameof(DispatchOptions.RunOnLocalHost), true)
            && !string.IsNullOrWhiteSpace(builder.Configuration["ServiceBus:ConnectionString"] ?? builder.Configuration["ServiceBus:FullyQualifiedNamespace"]))
        {
            builder.Services.AddHostedService<DispatchScheduler>();
        }
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        Map(app, ApiRoutes.RecordPurchase, (s, c) => s.GetRequiredService<IngestEndpoints>().RecordPurchaseAsync(c));
        Map(app, ApiRoutes.RecordPurchaseBatch, (s, c) => s.GetRequiredService<IngestEndpoints>().RecordBatchAsync(c));
        Map(app, ApiRoutes.RecordRefund, (s, c) => s.GetRequiredService<IngestEndpoints>().RecordRefundAsync(c, OrderIdOf(c)));
        Map(app, ApiRoutes.CancelOrder, (s, c) => s.GetRequiredService<IngestEndpoints>().CancelOrderAsync(c, OrderIdOf(c)));
        Map(app, ApiRoutes.RetentionReport, (s, c) => s.GetRequiredService<ReportEndpoint>().GetAsync(c));
        Map(app, ApiRoutes.Health, (s, c) => s.GetRequiredService<HealthEndpoint>().CheckAsync(c));
        Map(app, ApiRoutes.UpdateConsent, (s, c) => s.GetRequiredService<MessageEndpoints>().UpdateConsentAsync(c, c.Request.RouteValues["customerId"] as string ?? ""));
        Map(app, ApiRoutes.UnsubscribePage, (s, c) => Task.FromResult(s.GetRequiredService<MessageEndpoints>().ConfirmPage(c)));
        Map(app, ApiRoutes.Unsubscribe, (s, c) => s.GetRequiredService<MessageEndpoints>().UnsubscribeAsync(c));
        Map(app, ApiRoutes.CustomerBenefits, (s, c) => s.GetRequiredService<RewardEndpoints>().GetAsync(c, c.Request.RouteValues["customerId"] as string ?? ""));
        Map(app, ApiRoutes.ExportCustomer, (s, c) => s.GetRequiredService<CustomerEndpoints>().ExportAsync(c, c.Request.RouteValues["customerId"] as string ?? ""));
        Map(app, ApiRoutes.EraseCustomer, (s, c) => s.GetRequiredService<CustomerEndpoints>().EraseAsync(c, c.Request.RouteValues["customerId"] as string ?? ""));
        Map(app, ApiRoutes.ValidateCoupon, (s, c) => s.GetRequiredService<RewardEndpoints>().ValidateAsync(c, c.Request.RouteValues["code"] as string ?? ""));
        Map(app, ApiRoutes.ShopifyWebhook, (s, c) => s.GetRequiredService<Webhooks.WebhookEndpoints>().ShopifyAsync(c));
        Map(app, ApiRoutes.WooCommerceWebhook, (s, c) => s.GetRequiredService<Webhooks.WebhookEndpoints>().WooCommerceAsync(c));
        app.MapFallback((HttpContext context) => Problems.NotFound($"There is no route {context.Request.Method} {context.Request.Path}. See docs/api.md."));
        return app;
    }

    private static void Map(WebApplication app, ApiRoute route, Func<IServiceProvider, HttpContext, Task<IResult>> handler)
    {
        var guard = app.Services.GetRequiredService<EndpointGuard>();
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>();
        Func<HttpContext, Task<IResult>> serve = context =>
            route.RequiresKey && !FunctionKey.IsPresentedIn(context.Request, options.Value.Key)
                ? Task.FromResult<IResult>(Problems.Unauthorized())
                : guard.RunAsync(context, () => handler(context.RequestServices, context));
        app.MapMethods("/api/" + route.Route, [route.Method], serve);
    }

    private static string OrderIdOf(HttpContext context) => context.Request.RouteValues["orderId"] as string ?? "";
}
