using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Jobs;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Infrastructure.Telemetry;

namespace HibachiAdmin.Features.Messaging;

public static class MessagingFeature
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SmsOptions>(builder.Configuration.GetSection("Sms"));
        services.Configure<BusinessOptions>(builder.Configuration.GetSection("Business"));
        // Compliance:Policy picks which state texting rules apply; a value that is not a policy stops the start.
        services.AddOptions<ComplianceOptions>().Bind(builder.Configuration.GetSection("Compliance")).ValidateOnStart();
        services.AddSingleton<TextingRulesService>();
        services.AddSingleton<ITextingRulesSource>(sp => sp.GetRequiredService<TextingRulesService>());
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
        services.AddSingleton<Contracts.ISmsBatches>(sp => sp.GetRequiredService<SmsService>());
        services.AddSingleton<ISmsService>(sp => sp.GetRequiredService<SmsService>());
        services.AddSingleton<InboundSmsHandler>();
        services.AddSingleton<IEventHandler, InboundSmsEffects>();
        services.AddSingleton<OptInRequestSender>();
        services.AddSingleton<IEventHandler>(sp => sp.GetRequiredService<OptInRequestSender>());
        services.AddTransient<OptInRequestJob>();
        services.AddRecurringJob<OptInRequestJob>(OptInRequestJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        services.AddSingleton<InboundEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventWriter>());
        services.AddSingleton<Contracts.IInboundEventStore>(sp => sp.GetRequiredService<InboundEventWriter>());
        services.AddHostedService<InboundBacklogOnStart>();
        services.AddQueueGauge("hibachi.inbound.queue", "provider notifications stored and not processed yet",
            db => db.Set<InboundEvent>().Where(e => e.ProcessedAt == null).Select(e => e.ReceivedAt));
        services.AddTransient<ProcessInboundEventJob>();
        services.AddTransient<InboundEventSweepJob>();
        services.AddRecurringJob<InboundEventSweepJob>(InboundEventSweepJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        services.AddTransient<SandboxReceiptJob>();
        services.AddTransient<InDoubtSmsJob>();
        services.AddRecurringJob<InDoubtSmsJob>(InDoubtSmsJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        services.AddSingleton<RingCentralIntegration>();
        services.AddSingleton<OutboundStatusSync>();
        services.AddSingleton<StatusSyncSignal>();
        services.AddTransient<StatusSyncJob>();
        services.AddRecurringJob<StatusSyncJob>(StatusSyncJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        services.AddSingleton<A2pEventHandler>();
        services.AddTransient<A2pReconcileJob>();
        services.AddRecurringJob<A2pReconcileJob>(A2pReconcileJob.Id, "*/10 * * * *", j => j.RunAsync(CancellationToken.None));
        services.AddTransient<OptOutSyncJob>();
        services.AddRecurringJob<OptOutSyncJob>(OptOutSyncJob.PushId, Cron.Minutely(), j => j.PushAsync(CancellationToken.None));
        services.AddRecurringJob<OptOutSyncJob>(OptOutSyncJob.ReconcileId, "37 2 * * *", j => j.ReconcileAsync(CancellationToken.None));
        // Inbound rows resume through InboundBacklogOnStart; the status read through its own job.
        services.AddSingleton(new Infrastructure.Data.RecoverableLease(new Infrastructure.Data.LeaseTable("InboundEvents")));
        services.AddSingleton(new Infrastructure.Data.RecoverableLease(new Infrastructure.Data.LeaseTable("ProviderSyncStates", Key: "Key"),
            jobs => jobs.Enqueue<StatusSyncJob>(j => j.RunAsync(CancellationToken.None))));
        services.AddSingleton<PhoneNumberDirectory>();
        services.AddTransient<PhoneNumberRefreshJob>();
        services.AddRecurringJob<PhoneNumberRefreshJob>(PhoneNumberRefreshJob.Id, "23 * * * *", j => j.RunAsync(CancellationToken.None));
        services.AddTransient<RenewSubscriptionsJob>();
        services.AddRecurringJob<RenewSubscriptionsJob>(RenewSubscriptionsJob.Id, "41 3 * * *", j => j.RunAsync(CancellationToken.None));
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
