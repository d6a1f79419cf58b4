using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using HibachiAdmin.Infrastructure.Jobs;

using HibachiAdmin.Infrastructure.Telemetry;

namespace HibachiAdmin.Infrastructure.Events;

public static class EventsSetup
{
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDrainGate>();
        builder.Services.AddTransient<OutboxDispatchJob>();
        builder.Services.AddQueueGauge("hibachi.outbox", "outbox events waiting for their handlers (dead letters excluded)",
            db => db.Set<OutboxEntry>().Where(o => o.DispatchedAt == null && !o.DeadLettered).Select(o => o.CreatedAt));
        builder.Services.AddRecurringJob<OutboxDispatchJob>(OutboxDispatchJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        builder.Services.AddSingleton(new Data.RecoverableLease(new Data.LeaseTable("Outbox"), jobs => jobs.Enqueue<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None))));
        return builder;
    }
}
