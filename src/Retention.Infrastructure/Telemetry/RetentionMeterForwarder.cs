using System.Diagnostics.Metrics;

namespace Retention.Infrastructure.Telemetry;

/// <summary>
/// Hands every measurement of the <see cref="MeterRetentionMetrics.MeterName"/> meter to a sink, such as Application
/// Insights' pre-aggregating <c>TelemetryClient.GetMetric(name).TrackValue(value)</c>. The classic Application Insights
/// SDK that the Functions worker uses does not collect System.Diagnostics.Metrics itself, and a sink keeps this project
/// free of it. Dispose to stop listening.
/// </summary>
public sealed class RetentionMeterForwarder : IDisposable
{
    private readonly MeterListener _listener = new();

    private RetentionMeterForwarder(Action<string, double> sink)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterRetentionMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => sink(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => sink(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>Starts forwarding; <paramref name="sink"/> gets the instrument name and the value, from any thread.</summary>
    public static RetentionMeterForwarder Start(Action<string, double> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return new RetentionMeterForwarder(sink);
    }

    public void Dispose() => _listener.Dispose();
}
