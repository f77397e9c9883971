using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retention.Application.Ingest;
using Retention.Application.Messages;
using Retention.Application.Nightly;
using Retention.Application.Ports;
using Retention.Infrastructure;
using Retention.Infrastructure.Telemetry;

namespace Retention.Architecture.Tests;

/// <summary>The business metrics (IRetentionMetrics) and the path the Functions app sends them to Application Insights by.</summary>
public sealed class InfraTelemetryTests
{
    [Fact]
    public void Forwarder_PassesOnEveryRetentionMetric()
    {
        var seen = new ConcurrentQueue<(string Name, double Value)>();
        using var metrics = new MeterRetentionMetrics();
        using var forwarder = RetentionMeterForwarder.Start((name, value) => seen.Enqueue((name, value)));

        metrics.PurchasesRecorded(3);
        metrics.MessagesDispatched(sent: 2, deadLettered: 1);
        metrics.NightlyCompleted(TimeSpan.FromSeconds(1.5), customers: 100);

        Assert.Contains((MeterRetentionMetrics.PurchasesRecordedName, 3d), seen);
        Assert.Contains((MeterRetentionMetrics.MessagesSentName, 2d), seen);
        Assert.Contains((MeterRetentionMetrics.MessagesDeadLetteredName, 1d), seen);
        Assert.Contains((MeterRetentionMetrics.NightlyDurationName, 1.5), seen);
        Assert.Contains((MeterRetentionMetrics.NightlyCustomersName, 100d), seen);
    }

    [Fact]
    public void Forwarder_IgnoresOtherMeters()
    {
        var seen = new ConcurrentQueue<string>();
        using var other = new Meter("Retention.Tests.Other");
        var counter = other.CreateCounter<long>("other.count");
        using var forwarder = RetentionMeterForwarder.Start((name, _) => seen.Enqueue(name));

        counter.Add(1);

        Assert.DoesNotContain("other.count", seen);
    }

    [Fact]
    public void Infrastructure_RegistersTheMeterAdapter_UnlessTheHostBroughtOne()
    {
        var configuration = new ConfigurationBuilder().Build();
        var plain = new ServiceCollection().AddRetentionInfrastructure(configuration);
        var hosted = new ServiceCollection().AddSingleton<IRetentionMetrics, NoMetrics>().AddRetentionInfrastructure(configuration);

        Assert.Equal(typeof(MeterRetentionMetrics), plain.Single(d => d.ServiceType == typeof(IRetentionMetrics)).ImplementationType);
        Assert.Equal(typeof(NoMetrics), hosted.Single(d => d.ServiceType == typeof(IRetentionMetrics)).ImplementationType);
    }

    [Theory]
    [InlineData(typeof(RecordPurchases))]
    [InlineData(typeof(DispatchMessages))]
    [InlineData(typeof(RunNightly))]
    public void UseCases_ReportTheirMetrics(Type useCase)
    {
        var parameter = useCase.GetConstructors().Single().GetParameters().SingleOrDefault(p => p.ParameterType == typeof(IRetentionMetrics));

        Assert.NotNull(parameter);
    }

    private sealed class NoMetrics : IRetentionMetrics
    {
        public void PurchasesRecorded(int count)
        {
        }

        public void MessagesDispatched(int sent, int deadLettered)
        {
        }

        public void NightlyCompleted(TimeSpan duration, int customers)
        {
        }
    }
}
