using System.Diagnostics.Metrics;
using Retention.Application.Ports;

namespace Retention.Infrastructure.Telemetry;

/// <summary>
/// <see cref="IRetentionMetrics"/> on System.Diagnostics.Metrics (meter <see cref="MeterName"/>): no package and no
/// cost until something listens. Locally <c>dotnet-counters monitor --counters Retention</c> shows them; the Functions
/// app forwards them to Application Insights with <see cref="RetentionMeterForwarder"/>.
/// </summary>
public sealed class MeterRetentionMetrics : IRetentionMetrics, IDisposable
{
    public const string MeterName = "Retention";
    public const string PurchasesRecordedName = "retention.purchases.recorded";
    public const string MessagesSentName = "retention.messages.sent";
    public const string MessagesDeadLetteredName = "retention.messages.dead_lettered";
    public const string NightlyDurationName = "retention.nightly.duration";
    public const string NightlyCustomersName = "retention.nightly.customers";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _purchasesRecorded;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _messagesDeadLettered;
    private readonly Histogram<double> _nightlyDuration;
    private readonly Histogram<long> _nightlyCustomers;

    public MeterRetentionMetrics()
    {
        _purchasesRecorded = _meter.CreateCounter<long>(PurchasesRecordedName, "{purchase}", "Purchases newly stored");
        _messagesSent = _meter.CreateCounter<long>(MessagesSentName, "{email}", "Customer emails accepted by the provider");
        _messagesDeadLettered = _meter.CreateCounter<long>(MessagesDeadLetteredName, "{message}", "Messages the dispatcher dead-lettered");
        _nightlyDuration = _meter.CreateHistogram<double>(NightlyDurationName, "s", "Duration of a nightly run");
        _nightlyCustomers = _meter.CreateHistogram<long>(NightlyCustomersName, "{customer}", "Customers in a nightly snapshot");
    }

    public void PurchasesRecorded(int count)
    {
        if (count > 0)
        {
            _purchasesRecorded.Add(count);
        }
    }

    public void MessagesDispatched(int sent, int deadLettered)
    {
        // Zeros too: a flat line of zero sends is what an alert on "nothing sent for a day" needs to see.
        _messagesSent.Add(sent);
        _messagesDeadLettered.Add(deadLettered);
    }

    public void NightlyCompleted(TimeSpan duration, int customers)
    {
        _nightlyDuration.Record(duration.TotalSeconds);
        _nightlyCustomers.Record(customers);
    }

    public void Dispose() => _meter.Dispose();
}
