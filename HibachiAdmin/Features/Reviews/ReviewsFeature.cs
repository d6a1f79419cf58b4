using Hangfire;
using HibachiAdmin.Infrastructure.Jobs;
using HibachiAdmin.Infrastructure.Providers.Google;

namespace HibachiAdmin.Features.Reviews;

public static class ReviewsFeature
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddGoogleReviews(builder.Configuration);
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<SocialAnalyticsService>();
        builder.Services.AddSingleton<Contracts.ISocialAnalytics>(sp => sp.GetRequiredService<SocialAnalyticsService>());
        builder.Services.AddTransient<ReviewImportJob>();
        builder.Services.AddRecurringJob<ReviewImportJob>(ReviewImportJob.Id, Cron.Hourly(7), j => j.RunAsync(CancellationToken.None));
        // Google's paging can drop reviews after the first page: every page is read again nightly.
        builder.Services.AddRecurringJob<ReviewImportJob>(ReviewImportJob.FullId, "23 3 * * *", j => j.RunFullAsync(CancellationToken.None));
        builder.Services.AddSingleton<Infrastructure.Data.IDemoSeedContributor, ReviewsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        app.MapReviewsApi();
        app.MapSocialAnalyticsApi();
        return app;
    }
}
