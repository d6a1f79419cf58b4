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
        return builder;
    }
}
