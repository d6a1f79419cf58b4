using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

public static class DataSetup
{
    public const string DefaultConnectionString = "Data Source=hibachi.db";

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Default") ?? DefaultConnectionString;

        builder.Services.AddDbContextFactory<AppDbContext>((sp, options) =>
        {
            // Interceptors registered in DI join the provider's own (tests inject faults this way).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                options.UseNpgsql(connectionString);
            }
            else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                options.UseSqlite(WithSqliteDefaults(connectionString)).AddInterceptors(new SqliteBusyTimeoutInterceptor());
            }
            else
            {
                throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
            }
        }, ServiceLifetime.Singleton);
        // Identity and data protection resolve the context per request/scope.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>A busy timeout lets concurrent writers wait for the lock instead of failing at once.</summary>
    private static string WithSqliteDefaults(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until DefaultTimeout elapses.
        if (csb.DefaultTimeout < 30)
        {
            csb.DefaultTimeout = 30;
        }
        return csb.ToString();
    }
}
