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
        Infrastructure.Providers.Meta.MetaSetup.AddMeta(services, builder.Configuration);
        services.AddSingleton<MetaInboundHandler>();
        services.AddSingleton<IEventHandler, MetaProfileEffects>();
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
        services.AddSingleton<OptInRequestSender>();
        services.AddSingleton<IEventHandler>(sp => sp.GetRequiredService<OptInRequestSender>());
        services.AddTransient<OptInRequestJob>();
        services.AddSingleton<InboundEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventWriter>());
        services.AddHostedService<InboundBacklogOnStart>();
        services.AddTransient<ProcessInboundEventJob>();
        services.AddTransient<InboundEventSweepJob>();
        services.AddTransient<SandboxReceiptJob>();
        services.AddTransient<InDoubtSmsJob>();
        services.AddSingleton<RingCentralIntegration>();
        services.AddSingleton<OutboundStatusSync>();
        services.AddSingleton<StatusSyncSignal>();
        services.AddTransient<StatusSyncJob>();
        services.AddSingleton<A2pEventHandler>();
        services.AddTransient<A2pReconcileJob>();
        services.AddTransient<OptOutSyncJob>();
        // Inbound rows resume through InboundBacklogOnStart; the status read through its own job.
        services.AddSingleton(new Infrastructure.Data.RecoverableLease(new Infrastructure.Data.LeaseTable("InboundEvents")));
        services.AddSingleton(new Infrastructure.Data.RecoverableLease(new Infrastructure.Data.LeaseTable("ProviderSyncStates", Key: "Key"),
            jobs => jobs.Enqueue<StatusSyncJob>(j => j.RunAsync(CancellationToken.None))));
        services.AddTransient<RenewSubscriptionsJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder app)
    {
        // Documentation for the webhook routes, added from here so the webhook code stays as it is.
        var webhooks = app.MapGroup("");
        webhooks.MapRingCentralWebhooks();
        app.MapMetaWebhooks();
        ((IEndpointConventionBuilder)webhooks).Add(endpoint =>
        {
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
            var kind = pattern.EndsWith("/voice", StringComparison.Ordinal) ? "telephony session" : "message store (SMS)";
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Http.EndpointSummaryAttribute($"RingCentral {kind} notifications (Verification-Token header)"));
            endpoint.Metadata.Add(new Infrastructure.Web.DocumentedBody(typeof(System.Text.Json.JsonElement)));
            foreach (var status in new[] { 200, 400, 401, 413, 415, 503 })
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, status == 200 ? null : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
                    status == 200 ? [] : ["application/problem+json"]));
            }
        });
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
