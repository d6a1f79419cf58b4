using Hangfire;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// On start, processes what an earlier run stored but did not process (a crash, a restart of
/// in-memory Hangfire) at once and at full speed, instead of waiting for the minutely sweep.
/// </summary>
public sealed class InboundBacklogOnStart(IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        jobs.Enqueue<InboundEventSweepJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
