namespace HibachiAdmin.Features.Admin;

public static class AdminFeature
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        // Scoped: UserManager is scoped. The Users page resolves it per circuit.
        builder.Services.AddScoped<UserAdminService>();
        return builder;
    }
}
