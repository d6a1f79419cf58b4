using Hangfire;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Jobs;

namespace HibachiAdmin.Features.Calls;

public static class CallsFeature
{
    public static WebApplicationBuilder AddCalls(this WebApplicationBuilder builder)
    {
        // Call recordings are downloaded from RingCentral.
        Infrastructure.Providers.RingCentral.RingCentralSetup.AddRingCentral(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<CallService>();
        builder.Services.AddSingleton<Contracts.ICallService>(sp => sp.GetRequiredService<CallService>());
        builder.Services.AddSingleton<Messaging.Contracts.ITelephonyEvents>(sp => sp.GetRequiredService<CallService>());
        builder.Services.AddSingleton<IEventHandler, CallEffects>();
        builder.Services.AddTransient<MissedCallTextBackJob>();
        builder.Services.AddRecurringJob<MissedCallTextBackJob>(MissedCallTextBackJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        builder.Services.AddSingleton<Infrastructure.Data.IDemoSeedContributor, CallsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        app.MapCallsApi();
        return app;
    }
}
