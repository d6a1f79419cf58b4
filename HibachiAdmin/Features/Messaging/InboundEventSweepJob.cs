using Hangfire;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Every minute (and once on start): processes whatever was stored but not processed — in-memory
/// Hangfire lost its jobs in a restart, a worker died holding a claim, an attempt failed.
/// </summary>
public sealed class InboundEventSweepJob(ProcessInboundEventJob processor)
{
    public const string Id = "inbound-event-sweep";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.JobsSetup.InboundQueue)]
    public Task RunAsync(CancellationToken ct) => processor.DrainAsync(ct);
}
