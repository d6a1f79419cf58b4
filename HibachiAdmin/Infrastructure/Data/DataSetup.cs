using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Infrastructure.Data;

public static class DataSetup
{
    public const string DefaultConnectionString = "Data Source=hibachi.db";

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProvider.Parse(builder.Configuration["Database:Provider"]);
        var connectionString = builder.Configuration.GetConnectionString("Default") ?? DefaultConnectionString;

        builder.Services.AddSingleton(new DatabaseSettings(provider));
        builder.Services.AddSingleton<AppInstanceIdentity>();
        builder.Services.AddSingleton<WriteTurns>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CommitCallbacks>();
        builder.Services.AddDbContextFactory<AppDbContext, AppDbContextFactory>((sp, options) =>
        {
            // Interceptors registered in DI join the provider's own (tests inject faults this way).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            DatabaseProvider.Configure(options, provider, connectionString);
        }, ServiceLifetime.Singleton);
        // Identity and data protection resolve the context per request/scope.
        builder.Services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<LeaseRecovery>();
        builder.Services.AddHostedService<InstanceHeartbeat>();
        return builder;
    }

    /// <summary>
    /// A context built from the app's own data and identity registrations without running the app:
    /// for generating migrations and for the tests that compare the model with each migrations set.
    /// Opens no connection by itself. The caller disposes the context (its services live with it).
    /// </summary>
    public static AppDbContext CreateForTooling(DbProvider provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.AddData();
        builder.AddIdentityAndAuth();
        var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext();
    }
}
