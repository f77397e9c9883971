using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// The tables we use, created on first use: <c>{prefix}customers</c> (summaries and orders, see <see cref="TableKeys"/>)
/// <c>{prefix}orderclaims</c> (which customer an order id belongs to) and <c>{prefix}snapshots</c> (nightly results), <c>{prefix}reportemails</c> (which report emails went out),
/// <c>{prefix}messages</c> (what became of each customer message), <c>{prefix}consent</c> (consent changes, unsubscribes, suppressed addresses),
/// <c>{prefix}loyalty</c> (coupons, referral codes), <c>{prefix}decisions</c> (every programme decision) and <c>{prefix}predictions</c> (each customer's model predictions).
/// </summary>
internal sealed class RetentionTables : IDisposable
{
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public RetentionTables(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        // One credential for both clients, so that they share its token cache.
        var credential = settings.UsesTableEndpoint ? Credential(settings) : null;
        Service = CreateClient(settings, credential, new TableClientOptions());
        var noRetries = new TableClientOptions();
        noRetries.Retry.MaxRetries = 0;
        Probe = CreateClient(settings, credential, noRetries);
        Customers = Service.GetTableClient(settings.TablePrefix + "customers");
        Claims = Service.GetTableClient(settings.TablePrefix + "orderclaims");
        Snapshots = Service.GetTableClient(settings.TablePrefix + "snapshots");
        ReportEmails = Service.GetTableClient(settings.TablePrefix + "reportemails");
        Messages = Service.GetTableClient(settings.TablePrefix + "messages");
        Consent = Service.GetTableClient(settings.TablePrefix + "consent");
        Loyalty = Service.GetTableClient(settings.TablePrefix + "loyalty");
        Decisions = Service.GetTableClient(settings.TablePrefix + "decisions");
        Webhooks = Service.GetTableClient(settings.TablePrefix + "webhooks");
        Predictions = Service.GetTableClient(settings.TablePrefix + "predictions");
    }

    public TableServiceClient Service { get; }

    /// <summary>The same account without retries, so that a health check answers at once when storage is down.</summary>
    public TableServiceClient Probe { get; }
    public TableClient Customers { get; }
    public TableClient Claims { get; }
    public TableClient Snapshots { get; }
    public TableClient ReportEmails { get; }
    public TableClient Messages { get; }
    public TableClient Consent { get; }
    public TableClient Loyalty { get; }

    /// <summary>Every table of the store, for the store eraser.</summary>
    public IReadOnlyList<TableClient> All => [Customers, Claims, Snapshots, ReportEmails, Messages, Consent, Loyalty, Decisions, Webhooks, Predictions];
    public TableClient Decisions { get; }

    /// <summary>Applied webhook deliveries (Shopify, WooCommerce), for the delivery-id shortcut.</summary>
    public TableClient Webhooks { get; }

    /// <summary>Each customer's latest model predictions (<see cref="TablePredictionStore"/>).</summary>
    public TableClient Predictions { get; }

    public void Dispose() => _createLock.Dispose();

    /// <summary>A connection string (Azurite, keys), or the endpoint with a token where shared keys are off (Azure).</summary>
    private static TableServiceClient CreateClient(StorageOptions settings, TokenCredential? credential, TableClientOptions options) =>
        credential is null
            ? new TableServiceClient(settings.ConnectionString, options)
            : new TableServiceClient(new Uri(settings.TableEndpoint!), credential, options);

    private static DefaultAzureCredential Credential(StorageOptions settings) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId) ? null : settings.ManagedIdentityClientId,
    });

    /// <summary>Creates the tables once per process; a failure is retried by the next call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await Customers.CreateIfNotExistsAsync(cancellationToken);
                await Claims.CreateIfNotExistsAsync(cancellationToken);
                await Snapshots.CreateIfNotExistsAsync(cancellationToken);
                await ReportEmails.CreateIfNotExistsAsync(cancellationToken);
                await Messages.CreateIfNotExistsAsync(cancellationToken);
                await Consent.CreateIfNotExistsAsync(cancellationToken);
                await Loyalty.CreateIfNotExistsAsync(cancellationToken);
                await Decisions.CreateIfNotExistsAsync(cancellationToken);
                await Webhooks.CreateIfNotExistsAsync(cancellationToken);
                await Predictions.CreateIfNotExistsAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }
}
