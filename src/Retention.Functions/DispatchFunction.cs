using Microsoft.Azure.Functions.Worker;
using Retention.Application.Messages;

namespace Retention.Functions;

/// <summary>
/// Sends queued customer emails, up to <c>Messages:BudgetPerRun</c> per run, on the schedule <c>Dispatch:Schedule</c>
/// (every minute by default). A timer, not a Service Bus trigger: the budget is the provider's rate limit, and the
/// Service Bus worker extension is not available to us. The timer is a singleton, so runs never overlap.
/// </summary>
public sealed class DispatchFunction(DispatchMessages dispatcher)
{
    [Function("DispatchMessages")]
    public Task RunAsync([TimerTrigger("%Dispatch:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        _ = timer;
        return dispatcher.ExecuteAsync(cancellationToken);
    }
}
