using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>Asks Hangfire to dispatch now (called after a commit that appended events).</summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs)
{
    public void Committed() => jobs.Enqueue<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None));
}
