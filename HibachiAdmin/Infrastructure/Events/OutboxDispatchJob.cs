using Hangfire;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>
/// Dispatches the outbox: every minute from RecurringJobs as a safety net, and right after each commit
/// that wrote events (<see cref="OutboxSignal"/>) so latency stays low without tight polling.
/// </summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    public const string Id = "outbox-dispatch";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct)
    {
        // Drain what is due now; stop when a batch comes back empty.
        for (var i = 0; i < 100; i++)
        {
            var result = await dispatcher.DispatchBatchAsync(200, ct);
            if (result.Claimed == 0)
            {
                return;
            }
        }
    }
}
