using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// The tables we use, created on first use: <c>{prefix}customers</c> (summaries and orders, see <see cref="TableKeys"/>)
/// <c>{prefix}orderclaims</c> (which customer an order id belongs to) and <c>{prefix}snapshots</c> (nightly results), <c>{prefix}reportemails</c> (which report emails went out),
/// <c>{prefix}messages</c> (what became of each customer message), <c>{prefix}consent</c> (consent changes, unsubscribes, suppressed addresses),
/// <c>{prefix}loyalty</c> (coupons, referral codes) and <c>{prefix}decisions</c> (every programme decision).
/// </summary>
internal sealed class RetentionTables : IDisposable
{
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public RetentionTables(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        Service = new TableServiceClient(settings.ConnectionString);
        var noRetries = new TableClientOptions();
        noRetries.Retry.MaxRetries = 0;
        Probe = new TableServiceClient(settings.ConnectionString, noRetries);
        Customers = Service.GetTableClient(settings.TablePrefix + "customers");
        Claims = Service.GetTableClient(settings.TablePrefix + "orderclaims");
        Snapshots = Service.GetTableClient(settings.TablePrefix + "snapshots");
        ReportEmails = Service.GetTableClient(settings.TablePrefix + "reportemails");
        Messages = Service.GetTableClient(settings.TablePrefix + "messages");
        Consent = Service.GetTableClient(settings.TablePrefix + "consent");
        Loyalty = Service.GetTableClient(settings.TablePrefix + "loyalty");
        Decisions = Service.GetTableClient(settings.TablePrefix + "decisions");
        Webhooks = Service.GetTableClient(settings.TablePrefix + "webhooks");
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
    public IReadOnlyList<TableClient> All => [Customers, Claims, Snapshots, ReportEmails, Messages, Consent, Loyalty, Decisions, Webhooks];
    public TableClient Decisions { get; }

    /// <summary>Applied webhook deliveries (Shopify, WooCommerce), for the delivery-id shortcut.</summary>
    public TableClient Webhooks { get; }

    public void Dispose() => _createLock.Dispose();

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
                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }
}
