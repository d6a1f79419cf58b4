using Hangfire;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Jobs;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// Alerts: a new lead, a customer waiting, a missed call, a 1–2★ review reach each staff member in the app (the bell),
/// by browser push and by email, as they choose. Sources are the other features' outbox events and the inbox's waiting
/// threads; nothing here is called by another feature. Push: <c>Alerts:Push:Provider</c> <c>Sandbox</c> (default, records)
/// or <c>WebPush</c>; email: <c>Alerts:Email:Provider</c> <c>Sandbox</c> (default, .eml files) or <c>Smtp</c>.
/// </summary>
public static class AlertsFeature
{
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AlertChanges>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<AlertWriter>();
        services.AddSingleton<VapidKeys>();
        services.AddSingleton<IEventHandler, AlertEventHandler>();
        services.AddSingleton<SandboxPushClient>();
        if (string.Equals(builder.Configuration["Alerts:Push:Provider"], "WebPush", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHttpClient<WebPushClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
            services.AddSingleton<IPushClient>(sp => sp.GetRequiredService<WebPushClient>());
        }
        else
        {
            services.AddSingleton<IPushClient>(sp => sp.GetRequiredService<SandboxPushClient>());
        }
        services.AddSingleton<SandboxAlertMailer>();
        if (string.Equals(builder.Configuration["Alerts:Email:Provider"], "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IAlertMailer, SmtpAlertMailer>();
        }
        else
        {
            services.AddSingleton<IAlertMailer>(sp => sp.GetRequiredService<SandboxAlertMailer>());
        }
        services.AddTransient<AlertDeliveryJob>();
        services.AddTransient<WaitingAlertsJob>();
        services.AddRecurringJob<AlertDeliveryJob>(AlertDeliveryJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        services.AddRecurringJob<WaitingAlertsJob>(WaitingAlertsJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        return builder;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapAlertsApi();
        return app;
    }
}
