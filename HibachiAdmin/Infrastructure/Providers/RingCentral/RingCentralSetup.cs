using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public static class RingCentralSetup
{
    /// <summary>
    /// The RingCentral HTTP client: a client-side limit under the SMS endpoint's 40 requests/minute,
    /// and retries only for 429 (the request was refused, so a retry cannot send a text twice),
    /// waiting what Retry-After says (30 s when absent, https://developers.ringcentral.com/guide/basics/rate-limits).
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
        services.AddHttpClient<RingCentralClient>(c => c.Timeout = TimeSpan.FromSeconds(60))
            .AddResilienceHandler("ringcentral", (pipeline, context) =>
            {
                var perMinute = configuration.GetValue("RingCentral:RequestsPerMinute", 40);
                pipeline.AddRateLimiter(new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 1_000,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    ShouldRetryAfterHeader = true,
                    Delay = TimeSpan.FromSeconds(30),
                    BackoffType = DelayBackoffType.Constant,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
                });
            });
        return services;
    }
}
