using Hangfire;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>
/// Dispatches the outbox: every minute, on the schedule its feature declares as a safety net, and right after each commit
/// that wrote events (<see cref="OutboxSignal"/>) so latency stays low without tight polling.
/// One drain per app instance at a time (<see cref="OutboxDrainGate"/>); instances drain side by side,
/// their leases keep them off each other's rows.
/// </summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, OutboxDrainGate gate)
{
    public const string Id = "outbox-dispatch";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => gate.RunAsync(DrainAsync, ct);

    private async Task DrainAsync(CancellationToken ct)
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
