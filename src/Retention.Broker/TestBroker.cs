using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amqp;
using Amqp.Listener;

namespace Retention.Broker;

/// <summary>
/// An in-memory AMQP 1.0 broker on 127.0.0.1 that the real Azure.Messaging.ServiceBus client talks to through
/// <see cref="ConnectionString"/> (UseDevelopmentEmulator=true: plain AMQP, no TLS). Queues only; see the README
/// for what it does not emulate.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly ContainerHost _host;
    private readonly BrokerState _state;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _sweeper;

    private TestBroker(ContainerHost host, BrokerState state, int port)
    {
        _host = host;
        _state = state;
        Port = port;
        _sweeper = SweepAsync(_stopping.Token);
    }

    public int Port { get; }

    /// <summary>A Service Bus connection string for this broker; the key is not checked.</summary>
    public string ConnectionString =>
        string.Create(CultureInfo.InvariantCulture, $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;");

    /// <summary>Starts a broker with default settings (30-second locks, no duplicate detection).</summary>
    /// <param name="port">TCP port on 127.0.0.1; 0 picks a free one.</param>
    public static Task<TestBroker> StartAsync(int port = 0, params string[] queues) =>
        StartAsync(new TestBrokerOptions { Port = port, Queues = queues });

    public static async Task<TestBroker> StartAsync(TestBrokerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new BrokerState(options);
        foreach (var queue in options.Queues)
        {
            state.CreateQueue(queue);
        }

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var port = options.Port == 0 ? FreePort() : options.Port;
            var host = new ContainerHost(new Address(string.Create(CultureInfo.InvariantCulture, $"amqp://127.0.0.1:{port}")));
            var listener = host.Listeners[0];
            listener.SASL.EnableMechanism(MssbCbsSaslProfile.Name, new MssbCbsSaslProfile());
            var tagHandler = new LockTokenTagHandler(state);
            listener.HandlerFactory = _ => tagHandler;
            host.RegisterLinkProcessor(new BrokerLinkProcessor(state));
            try
            {
                host.Open();
                return new TestBroker(host, state, port);
            }
            catch (SocketException) when (options.Port == 0 && attempt < 5)
            {
                // Another process took the free port between probing and binding: try another.
                host.Close();
                await Task.Yield();
            }
        }
    }

    /// <summary>Adds an empty queue (no-op if it exists).</summary>
    public void CreateQueue(string name) => _state.CreateQueue(name);

    /// <summary>The broker's own counts for a queue.</summary>
    /// <exception cref="ArgumentException">No queue has that name.</exception>
    public QueueSnapshot GetQueue(string name) => _state.Snapshot(name);

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync();
        try
        {
            await _sweeper;
        }
        catch (OperationCanceledException)
        {
            // Expected: the sweeper stops by cancellation.
        }

        _host.Close();
        _stopping.Dispose();
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_state.Options.SweepInterval, _state.Options.TimeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            _state.Sweep();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
