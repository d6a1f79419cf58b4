namespace HibachiAdmin.Features.Dashboard;

public static class DashboardFeature
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardService>();
        return builder;
    }

    /// <summary>Home is a page only; no endpoints of its own.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app) => app;
}
