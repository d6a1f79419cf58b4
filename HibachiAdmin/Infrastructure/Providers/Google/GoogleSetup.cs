namespace HibachiAdmin.Infrastructure.Providers.Google;

public static class GoogleSetup
{
    public static IServiceCollection AddGoogleReviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GoogleOptions>(configuration.GetSection("Google"));
        services.AddSingleton<SandboxGoogleReviewSource>();
        services.AddSingleton<GoogleTokenCache>();
        services.AddHttpClient<GoogleReviewsClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        if ((configuration.GetSection("Google").Get<GoogleOptions>() ?? new GoogleOptions()).IsConfigured)
        {
            services.AddTransient<IGoogleReviewSource>(sp => sp.GetRequiredService<GoogleReviewsClient>());
        }
        else
        {
            services.AddSingleton<IGoogleReviewSource>(sp => sp.GetRequiredService<SandboxGoogleReviewSource>());
        }
        return services;
    }
}
