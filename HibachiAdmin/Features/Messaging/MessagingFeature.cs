using Hangfire;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

public static class MessagingFeature
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SmsOptions>(builder.Configuration.GetSection("Sms"));
        services.Configure<BusinessOptions>(builder.Configuration.GetSection("Business"));
        services.AddRingCentral(builder.Configuration);
        var provider = builder.Configuration["Sms:Provider"] ?? "Sandbox";
        if (string.Equals(provider, "RingCentral", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmsProvider, RingCentralSmsProvider>();
        }
        else if (string.Equals(provider, "Sandbox", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmsProvider, SandboxSmsProvider>();
        }
        else
        {
            throw new InvalidOperationException($"Sms:Provider must be Sandbox or RingCentral, not '{provider}'.");
        }
        services.AddSingleton<SmsService>();
        services.AddSingleton<ISmsService>(sp => sp.GetRequiredService<SmsService>());
        services.AddSingleton<InboundSmsHandler>();
        services.AddSingleton<IEventHandler, InboundSmsEffects>();
        services.AddSingleton<InboundEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventWriter>());
        services.AddHostedService<InboundBacklogOnStart>();
        services.AddTransient<ProcessInboundEventJob>();
        services.AddTransient<InboundEventSweepJob>();
        services.AddTransient<SandboxReceiptJob>();
        services.AddSingleton<RingCentralIntegration>();
        services.AddSingleton<OutboundStatusSync>();
        services.AddTransient<RenewSubscriptionsJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder app)
    {
        app.MapRingCentralWebhooks();
        return app;
    }
}

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
