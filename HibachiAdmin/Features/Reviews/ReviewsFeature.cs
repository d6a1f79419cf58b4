using HibachiAdmin.Infrastructure.Providers.Google;

namespace HibachiAdmin.Features.Reviews;

public static class ReviewsFeature
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddGoogleReviews(builder.Configuration);
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<SocialAnalyticsService>();
        builder.Services.AddTransient<ReviewImportJob>();
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
