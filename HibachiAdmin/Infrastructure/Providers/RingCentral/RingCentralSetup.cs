using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public static class RingCentralSetup
{
    /// <summary>
    /// The RingCentral HTTP client: per-lane client-side budgets inside RingCentral's usage-plan groups, and
    /// retries only for 429 (the request was refused, so a retry cannot send a text twice), after what Retry-After
    /// says for the group RingCentral names (30 s when absent, https://developers.ringcentral.com/guide/basics/rate-limits).
    /// Each feature that uses RingCentral (Messaging: texts and webhooks; Calls: recordings) calls this; the second call adds nothing.
    /// </summary>
    public static IServiceCollection AddRingCentral(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(RingCentralTokenCache)))
        {
            return services;
        }
        services.Configure<RingCentralOptions>(configuration.GetSection("RingCentral"));
        services.AddSingleton<RingCentralTokenCache>();
        services.AddSingleton(sp => new RingCentralRateBudgets(configuration, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<RingCentralRateBudgets>>(),
            sp.GetService<Telemetry.AppMetrics>(), sp.GetService<Telemetry.ProviderLimitNotifier>()));
        services.AddTransient<RingCentralRateLimitHandler>();
        // Waits on a limit happen inside the client; each attempt has its own 60 s timeout (RingCentralRateLimitHandler).
        services.AddHttpClient<RingCentralClient>(c => c.Timeout = TimeSpan.FromMinutes(10))
            .AddHttpMessageHandler<RingCentralRateLimitHandler>();
        return services;
    }
}
