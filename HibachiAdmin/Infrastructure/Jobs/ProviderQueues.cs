using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;

namespace HibachiAdmin.Infrastructure.Jobs;

/// <summary>
/// Provider reads that are not the inbound worker's business (delivery-status sync, High Volume reconciles,
/// opt-out list reads) run on their own queue and worker: a read that waits on a provider's rate limit never
/// holds up processing stored notifications, the outbox or campaign sends.
/// </summary>
public static class ProviderQueues
{
    public const string StatusQueue = "provider-status";

    public static void AddProviderStatusServer(this WebApplicationBuilder builder) =>
        builder.Services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:{StatusQueue}";
            o.WorkerCount = builder.Configuration.GetValue("Hangfire:StatusWorkerCount", 1);
            o.Queues = [StatusQueue];
        });
}
