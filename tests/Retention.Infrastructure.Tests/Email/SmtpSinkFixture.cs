using Retention.DevServers;

namespace Retention.Infrastructure.Tests.Email;

/// <summary>One SMTP sink per test class. If it cannot start, every test of the class fails with the reason (never skips).</summary>
public sealed class SmtpSinkFixture : IAsyncLifetime
{
    private SmtpSinkServer? _sink;

    public SmtpSinkServer Sink => _sink ?? throw new InvalidOperationException("The SMTP sink is not running.");

    public async Task InitializeAsync() => _sink = await SmtpSinkServer.StartAsync(RepoRoot.Find());

    public async Task DisposeAsync()
    {
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}
