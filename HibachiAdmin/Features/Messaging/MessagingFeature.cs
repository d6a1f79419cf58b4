using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

public static class MessagingFeature
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SmsOptions>(builder.Configuration.GetSection("Sms"));
        services.Configure<BusinessOptions>(builder.Configuration.GetSection("Business"));
        var provider = builder.Configuration["Sms:Provider"] ?? "Sandbox";
        if (!string.Equals(provider, "Sandbox", StringComparison.OrdinalIgnoreCase))
        {
            // The RingCentral client is the next step of issue 3; refuse loudly rather than pretend to send.
            throw new InvalidOperationException($"Sms:Provider '{provider}' is not available in this build; use Sandbox.");
        }
        services.AddSingleton<ISmsProvider, SandboxSmsProvider>();
        services.AddSingleton<SmsService>();
        services.AddSingleton<ISmsService>(sp => sp.GetRequiredService<SmsService>());
        services.AddSingleton<InboxService>();
        services.AddSingleton<InboundSmsHandler>();
        services.AddSingleton<Calls.CallService>();
        services.AddSingleton<InboundEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventWriter>());
        services.AddTransient<ProcessInboundEventJob>();
        services.AddTransient<InboundEventSweepJob>();
        services.AddTransient<SandboxReceiptJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder app)
    {
        app.MapRingCentralWebhooks();
        app.MapInboxApi();
        app.MapCallsApi();
        return app;
    }
}
