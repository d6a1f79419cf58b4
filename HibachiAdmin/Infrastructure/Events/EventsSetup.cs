using Hangfire;
using HibachiAdmin.Infrastructure.Jobs;

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
        builder.Services.AddRecurringJob<OutboxDispatchJob>(OutboxDispatchJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        return builder;
    }
}
