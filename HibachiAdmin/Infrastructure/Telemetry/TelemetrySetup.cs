using HibachiAdmin.Infrastructure.Identity;
using OpenTelemetry.Metrics;

namespace HibachiAdmin.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry metrics: the app's meter (<see cref="AppMetrics"/>) and ASP.NET Core's request metrics
/// (<c>http.server.request.duration</c> by route: webhook latency), exported as Prometheus text at <c>/metrics</c> for
/// Admins (CONTRACT.md lists no anonymous metrics route; a scraper signs in with an Admin's bearer token).
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AppMetrics>();
        builder.Services.AddSingleton<ProviderLimitNotifier>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AppMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Watches a durable queue: <c>{name}.depth</c> and <c>{name}.oldest_age</c> gauges (see <see cref="QueueGauge"/>).</summary>
    public static IServiceCollection AddQueueGauge(this IServiceCollection services, string name, string what, Func<Data.AppDbContext, IQueryable<DateTime>> waitingSince) =>
        services.AddSingleton(new QueueGauge(name, what, waitingSince));

    public static IEndpointRouteBuilder MapTelemetry(this WebApplication app)
    {
        // The gauges exist once the instruments do: create them now, not at the first wait on a limit.
        app.Services.GetRequiredService<AppMetrics>();
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(Policies.Admin);
        return app;
    }
}
