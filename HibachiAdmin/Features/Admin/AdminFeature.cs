namespace HibachiAdmin.Features.Admin;

public static class AdminFeature
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserAdminService>();
        builder.Services.AddScoped<UserAdminOperations>();
        return builder;
    }
}
