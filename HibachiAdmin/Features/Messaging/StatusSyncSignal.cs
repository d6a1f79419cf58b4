using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Coalesces requests for the status read in one process: while a <see cref="StatusSyncJob"/> is enqueued and
/// has not started, further requests enqueue nothing (the job reads every change up to its start anyway).
/// Durable truth is <see cref="ProviderSyncState"/>; the minutely schedule catches a request lost in a restart.
/// </summary>
public sealed class StatusSyncSignal(IBackgroundJobClient jobs)
{
    private int _enqueued;

    /// <summary>How many jobs were enqueued (tests, diagnostics).</summary>
    public int Enqueued => Volatile.Read(ref _total);

    private int _total;

    public void Request()
    {
        if (Interlocked.CompareExchange(ref _enqueued, 1, 0) == 0)
        {
            Interlocked.Increment(ref _total);
            jobs.Enqueue<StatusSyncJob>(j => j.RunAsync(CancellationToken.None));
        }
    }

    /// <summary>The job started: a request from now on needs a new job.</summary>
    public void Started() => Volatile.Write(ref _enqueued, 0);
}
