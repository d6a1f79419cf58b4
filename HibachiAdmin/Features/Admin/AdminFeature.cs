namespace HibachiAdmin.Features.Admin;

public static class AdminFeature
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserAdminService>();
        builder.Services.AddSingleton<Contracts.IStaffDirectory>(sp => sp.GetRequiredService<UserAdminService>());
        builder.Services.AddScoped<UserAdminOperations>();
        return builder;
    }
}
